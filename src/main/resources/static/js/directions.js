// Directions list: the "select all" box ticks every shown row for the bulk switch.
document.addEventListener('DOMContentLoaded', function () {
  var all = document.getElementById('select-all');
  if (!all) { return; }
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name="selected"]').forEach(function (box) { box.checked = all.checked; });
  });
});
