// Echoes an amount as typed in both units, beside the field: "= 5.00 万元 = 50,000.00 元". Exact: the digits are
// moved, never multiplied in floating point (5.1 万元 must read 51,000.00 元, not 50,999.99…). The server checks
// the amount again; this only shows the person what they are about to record.
(function () {
    function group(digits) {
        return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    }
    // A decimal string times 10^shift, as text with exactly `decimals` decimals (null if that would cut digits).
    function shifted(text, shift, decimals) {
        var parts = text.split('.');
        var whole = parts[0], fraction = parts[1] || '';
        if (shift > 0) {
            fraction = fraction + '0'.repeat(Math.max(0, shift - fraction.length));
            whole = whole + fraction.slice(0, shift);
            fraction = fraction.slice(shift);
        } else if (shift < 0) {
            var s = -shift;
            whole = '0'.repeat(Math.max(0, s - whole.length)) + whole;
            fraction = whole.slice(whole.length - s) + fraction;
            whole = whole.slice(0, whole.length - s);
        }
        whole = whole.replace(/^0+(?=\d)/, '') || '0';
        var trimmed = fraction.replace(/0+$/, '');
        if (trimmed.length > decimals) {
            return null;
        }
        var shown = Math.max(2, trimmed.length);
        return group(whole) + '.' + (trimmed + '0'.repeat(shown)).slice(0, shown);
    }
    document.querySelectorAll('.amount-field').forEach(function (field) {
        var input = field.querySelector('input[name=amount]');
        var echo = field.querySelector('.amount-echo');
        function unit() {
            var checked = field.querySelector('input[name=unit]:checked');
            return checked ? checked.value : '';
        }
        function apply() {
            var text = input.value.replace(/[,，\s]/g, '');
            if (!text) { echo.textContent = ''; return; }
            if (!/^\d+(\.\d+)?$/.test(text)) { echo.textContent = '金额应为正数'; return; }
            var wan, yuan;
            if (unit() === 'yuan') {
                yuan = shifted(text, 0, 2);
                wan = shifted(text, -4, 6);
            } else {
                wan = shifted(text, 0, 6);
                yuan = shifted(text, 4, 2);
            }
            echo.textContent = wan === null || yuan === null ? '金额须精确到分'
                : '即 ' + wan + ' 万元 = ' + yuan + ' 元';
        }
        input.addEventListener('input', apply);
        field.querySelectorAll('input[name=unit]').forEach(function (r) { r.addEventListener('change', apply); });
        apply();
    });
})();
