// BigHummingbird dashboard: the little behaviour that plain HTML lacks. Served as a file (the CSP forbids inline script).
document.addEventListener("change", function (event) {
  var target = event.target;
  // The project switcher goes to the chosen project without pressing Go.
  if (target.matches && target.matches("select.autosubmit") && target.value) {
    target.form.submit();
  }
  // Compare takes two evaluations: checking a third unchecks the oldest pick.
  if (target.matches && target.matches("input.compare-pick") && target.checked) {
    var picked = Array.prototype.slice.call(target.form.querySelectorAll("input.compare-pick:checked"));
    target.form.dataset.order = ((target.form.dataset.order || "") + " " + target.value).trim();
    if (picked.length > 2) {
      var order = target.form.dataset.order.split(" ");
      var oldest = order.find(function (id) { return id !== target.value && picked.some(function (p) { return p.value === id; }); });
      picked.forEach(function (p) { if (p.value === oldest) { p.checked = false; } });
      target.form.dataset.order = order.filter(function (id) { return id !== oldest; }).join(" ");
    }
  }
});
