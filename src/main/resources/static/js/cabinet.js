// Partner cabinet: copy buttons and the direction link builder. No framework: a few lines of DOM.
(function () {
    function copy(button) {
        var target = document.querySelector(button.getAttribute('data-copy'));
        if (!target) {
            return;
        }
        var text = target.textContent.trim();
        var done = function () {
            var label = button.textContent;
            button.textContent = button.getAttribute('data-copied') || 'Copied';
            setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done);
        } else {
            // Plain-HTTP sites have no clipboard API: select the text so Ctrl+C works.
            var range = document.createRange();
            range.selectNodeContents(target);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            try { document.execCommand('copy'); done(); } catch (e) { /* the text stays selected */ }
        }
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy]');
        if (button) {
            copy(button);
        }
    });

    var builder = document.getElementById('link-builder');
    if (!builder) {
        return;
    }
    var base = builder.getAttribute('data-base');
    var from = document.getElementById('builder-from');
    var to = document.getElementById('builder-to');
    var out = document.getElementById('built-link');

    function update() {
        var selected = from.options[from.selectedIndex];
        var reachable = selected && selected.value ? (selected.getAttribute('data-to') || '').split(' ') : null;
        Array.prototype.forEach.call(to.options, function (o) {
            o.hidden = !!(o.value && reachable && reachable.indexOf(o.value) < 0);
        });
        if (to.value && to.options[to.selectedIndex].hidden) {
            to.value = '';
        }
        var params = [];
        if (from.value) {
            params.push('cur_from=' + encodeURIComponent(from.value));
        }
        if (to.value) {
            params.push('cur_to=' + encodeURIComponent(to.value));
        }
        out.textContent = base + (params.length ? '?' + params.join('&') : '');
    }

    from.addEventListener('change', update);
    to.addEventListener('change', update);
    update();
})();
