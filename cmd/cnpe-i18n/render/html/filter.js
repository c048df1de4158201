// Filters the rows of a page table by the words typed: plain JavaScript,
// no network, works from file://.
(function () {
  var input = document.querySelector("input[data-filter-for]");
  if (!input) return;
  var rows = document.getElementById(input.getAttribute("data-filter-for")).querySelectorAll("tbody tr");
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (var i = 0; i < rows.length; i++) {
      var text = rows[i].getAttribute("data-filter").toLowerCase();
      rows[i].hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    }
  });
})();
