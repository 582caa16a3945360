// Narrows a form's line select by unit, 科目 and project: options not matching the three filters beside it are
// hidden. Without this script every line stays selectable.
document.querySelectorAll('.line-picker').forEach(function (picker) {
    var select = picker.querySelector('.line-select');
    var filters = {
        unit: picker.querySelector('.filter-unit'),
        functional: picker.querySelector('.filter-functional'),
        project: picker.querySelector('.filter-project')
    };
    function apply() {
        Array.prototype.forEach.call(select.options, function (option) {
            if (!option.value) {
                return;
            }
            var shown = Object.keys(filters).every(function (key) {
                var wanted = filters[key].value;
                return !wanted || option.dataset[key] === wanted;
            });
            option.hidden = !shown;
            option.disabled = !shown;
        });
        if (select.selectedOptions.length && select.selectedOptions[0].disabled) {
            select.value = '';
        }
    }
    Object.keys(filters).forEach(function (key) {
        filters[key].addEventListener('change', apply);
    });
});
