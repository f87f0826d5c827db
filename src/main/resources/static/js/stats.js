// The partner's statistics chart (Chart.js, loaded on first use). Runs each time htmx swaps the block in.
(function () {
    var canvas = document.getElementById('partner-stats-chart');
    if (!canvas) { return; }
    function draw() {
        var d = JSON.parse(canvas.getAttribute('data-chart'));
        if (canvas._chart) { canvas._chart.destroy(); }
        canvas._chart = new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: d.labels,
                datasets: [
                    {label: canvas.getAttribute('data-clicks'), data: d.clicks, backgroundColor: '#1f6feb'},
                    {label: canvas.getAttribute('data-visitors'), data: d.visitors, backgroundColor: '#8ab4f8'},
                    {label: canvas.getAttribute('data-orders'), data: d.orders, backgroundColor: '#1a7f37', type: 'line'}
                ]
            },
            options: {animation: false, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
        });
    }
    if (window.Chart) { draw(); return; }
    var s = document.createElement('script');
    s.src = canvas.getAttribute('data-lib');
    s.onload = draw;
    document.head.appendChild(s);
})();
