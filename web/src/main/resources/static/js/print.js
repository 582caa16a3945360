// The print button of a table page: the browser's print dialog, with the print style sheet (A4 landscape, the
// document's title lines, no navigation). Inline handlers are refused by the Content-Security-Policy.
document.querySelectorAll('.print-button').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
