// Home page, progressive enhancement: only offer "get" currencies the chosen "give" can buy, and filter the
// direction groups as the client types a currency (the search form works without this, on the server).
(function () {
    var give = document.getElementById('give'), get = document.getElementById('get');
    if (give && get) {
        var narrow = function () {
            var opt = give.options[give.selectedIndex];
            var allowed = opt && opt.value ? (opt.getAttribute('data-to') || '').split(' ') : null;
            for (var i = 1; i < get.options.length; i++) {
                var o = get.options[i];
                o.disabled = allowed !== null && allowed.indexOf(o.value) < 0;
                if (o.disabled && o.selected) { get.selectedIndex = 0; }
            }
        };
        give.addEventListener('change', narrow);
        narrow();
    }

    var search = document.getElementById('q'), none = document.getElementById('no-match');
    var groups = document.querySelectorAll('#direction-groups .group');
    if (!search || !groups.length) {
        return;
    }
    var filter = function () {
        var q = search.value.trim().toLowerCase(), shown = 0;
        Array.prototype.forEach.call(groups, function (group) {
            var rows = group.querySelectorAll('tbody tr'), visible = 0;
            Array.prototype.forEach.call(rows, function (row) {
                var match = !q || (row.getAttribute('data-search') || '').indexOf(q) >= 0;
                row.hidden = !match;
                if (match) { visible++; }
            });
            group.hidden = visible === 0;
            shown += visible;
        });
        if (none) {
            none.hidden = shown > 0;
            none.textContent = (none.getAttribute('data-template') || '').replace('{q}', search.value.trim());
        }
    };
    search.addEventListener('input', filter);
})();
