// A form's line picker: the search box beside the select narrows its options as one types. Every word typed must
// appear in the line's codes or names (unit, 功能科目, 经济科目, project, source); groups left empty are hidden.
// Without this script every line stays selectable in its group.
document.querySelectorAll('.line-picker').forEach(function (picker) {
    var search = picker.querySelector('.line-search');
    var select = picker.querySelector('.line-select');
    var count = picker.querySelector('.line-count');
    var chosen = picker.querySelector('.line-chosen');
    // The select shows an option without its group: say in full which line is chosen.
    function show() {
        var option = select.selectedOptions.length ? select.selectedOptions[0] : null;
        chosen.textContent = option && option.value
            ? '已选：' + option.dataset.name + '（余额 ' + option.dataset.balance + ' 万元）' : '';
    }
    function apply() {
        var words = search.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
        var shown = 0;
        select.querySelectorAll('optgroup').forEach(function (group) {
            var any = false;
            Array.prototype.forEach.call(group.children, function (option) {
                var text = option.dataset.search || '';
                var match = words.every(function (w) { return text.indexOf(w) >= 0; });
                option.hidden = !match;
                option.disabled = !match;
                if (match) { any = true; shown++; }
            });
            group.hidden = !any;
        });
        if (select.selectedOptions.length && select.selectedOptions[0].disabled) {
            select.value = '';
        }
        count.textContent = words.length ? '找到 ' + shown + ' 个预算行' : '';
        // One line left: choose it, as a person would.
        if (words.length && shown === 1 && !select.value) {
            var only = select.querySelector('optgroup option:not([disabled])');
            if (only) { select.value = only.value; }
        }
        show();
    }
    search.addEventListener('input', apply);
    select.addEventListener('change', show);
    show();
});
