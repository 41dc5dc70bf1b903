"use strict";
// Review pages: sortable tables, claim filters, and links between highlights and table rows.
(function () {
  function cellKey(row, index) {
    const cell = row.cells[index];
    const key = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    const number = Number(key);
    return key !== "" && !Number.isNaN(number) ? number : key.toLowerCase();
  }

  function compare(a, b) {
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return typeof a === "number" ? -1 : 1;
  }

  function makeSortable(table) {
    table.querySelectorAll("thead th").forEach(function (header, index) {
      header.tabIndex = 0;
      function sort() {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const order = compare(cellKey(a, index), cellKey(b, index));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);

  const form = document.getElementById("filters");
  const table = document.getElementById("claims");
  if (!form || !table) return;
  const rows = Array.from(table.tBodies[0].rows);
  const shown = document.getElementById("shown");

  function keeps(row, filter) {
    const data = row.dataset;
    if (filter.kind && data.kind !== filter.kind) return false;
    if (filter.review && data.review !== filter.review) return false;
    if (filter.reference && data.reference !== filter.reference) return false;
    if (Number(data.cw || 0) < filter.cw) return false;
    const flags = data.flags ? data.flags.split(" ") : [];
    if (filter.flag === "*" && flags.length === 0) return false;
    if (filter.flag === "-" && flags.length > 0) return false;
    if (filter.flag && filter.flag !== "*" && filter.flag !== "-" && flags.indexOf(filter.flag) < 0) return false;
    return !filter.query || row.textContent.toLowerCase().indexOf(filter.query) >= 0;
  }

  function applyFilters() {
    const filter = {
      kind: form.elements.kind.value,
      review: form.elements.review.value,
      reference: form.elements.reference.value,
      flag: form.elements.flag.value,
      cw: Number(form.elements.cw.value || 0),
      query: form.elements.q.value.trim().toLowerCase(),
    };
    let count = 0;
    rows.forEach(function (row) {
      row.hidden = !keeps(row, filter);
      if (!row.hidden) count += 1;
    });
    shown.textContent = count + " of " + rows.length + " claims";
  }

  form.addEventListener("input", applyFilters);
  form.addEventListener("change", applyFilters);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(applyFilters, 0); });

  function selectRow(claimId) {
    const row = document.getElementById("claim-" + claimId);
    if (!row) return;
    if (row.hidden) { form.reset(); applyFilters(); }
    rows.forEach(function (other) { other.classList.remove("selected"); });
    row.classList.add("selected");
    row.scrollIntoView({ block: "center" });
  }

  function selectMark(mark) {
    document.querySelectorAll("mark.hl.active").forEach(function (other) { other.classList.remove("active"); });
    mark.classList.add("active");
  }

  function followMark(mark) {
    selectMark(mark);
    if (mark.dataset.claim) {
      selectRow(mark.dataset.claim);
    } else if (mark.dataset.search) {
      form.reset();
      form.elements.q.value = mark.dataset.search;
      applyFilters();
      table.scrollIntoView({ block: "start" });
    }
  }

  document.querySelectorAll("mark.hl").forEach(function (mark) {
    mark.addEventListener("click", function () { followMark(mark); });
    mark.addEventListener("keydown", function (event) { if (event.key === "Enter") followMark(mark); });
  });

  rows.forEach(function (row) {
    row.addEventListener("click", function () {
      const mark = document.querySelector('mark.hl[data-claim="' + CSS.escape(row.dataset.claim) + '"]');
      rows.forEach(function (other) { other.classList.remove("selected"); });
      row.classList.add("selected");
      if (mark) { selectMark(mark); mark.scrollIntoView({ block: "center" }); }
    });
  });

  applyFilters();
})();
