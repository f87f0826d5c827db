// Admin rate charts: a line per canvas[data-chart] ({label, labels, values}), Chart.js loaded on demand.
(function () {
    var canvases = document.querySelectorAll('canvas[data-chart]');
    if (!canvases.length) {
        return;
    }
    function draw() {
        Array.prototype.forEach.call(canvases, function (canvas) {
            var d = JSON.parse(canvas.getAttribute('data-chart'));
            if (canvas._chart) { canvas._chart.destroy(); }
            canvas._chart = new window.Chart(canvas, {
                type: 'line',
                data: {
                    labels: d.labels,
                    datasets: [{label: d.label, data: d.values.map(Number), borderColor: '#1f6feb', pointRadius: 0,
                        borderWidth: 1.5, fill: false}]
                },
                options: {animation: false, scales: {y: {beginAtZero: false}}}
            });
        });
    }
    if (window.Chart) { draw(); return; }
    var s = document.createElement('script');
    s.src = canvases[0].getAttribute('data-lib');
    s.onload = draw;
    document.head.appendChild(s);
})();
