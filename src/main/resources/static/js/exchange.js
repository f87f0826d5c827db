// Direction page: a preview of what the client gets, as the amount is typed. A preview only: the server
// computes the exact amount (rounded down) when the order is created.
(function () {
    var amount = document.getElementById('amount'), quote = document.getElementById('quote');
    if (!amount || !quote) {
        return;
    }
    var price = parseFloat(amount.getAttribute('data-price')), scale = parseInt(amount.getAttribute('data-scale'), 10);
    var lang = document.documentElement.lang || 'en';
    amount.addEventListener('input', function () {
        var a = parseFloat(amount.value.replace(/\s/g, '').replace(',', '.'));
        if (!(a > 0)) { quote.textContent = '—'; return; }
        var f = Math.pow(10, scale);
        var text = (Math.floor(a * price * f + 1e-9) / f).toFixed(scale);
        if (text.indexOf('.') >= 0) { text = text.replace(/0+$/, '').replace(/\.$/, ''); }
        if (lang !== 'en') { text = text.replace('.', ','); }
        quote.textContent = '≈ ' + text;
    });
})();
