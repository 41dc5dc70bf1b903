"use strict";
// Review pages: sortable tables, claim filters, links between highlights and table rows, keys to
// move through the claims, and on the review desk (body[data-api]) verdicts saved as they are given.
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

  // A row that restates another (a headline figure under its body figure) sorts with that row.
  function groupHead(row) {
    const head = row.dataset.restates && document.getElementById("claim-" + row.dataset.restates);
    return head || row;
  }

  function makeSortable(table) {
    const initial = new Map();
    Array.from(table.tBodies[0].rows).forEach(function (row, at) { initial.set(row, at); });
    table.querySelectorAll("thead th").forEach(function (header, index) {
      header.tabIndex = 0;
      function sort() {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const headA = groupHead(a);
          const headB = groupHead(b);
          const order = compare(cellKey(headA, index), cellKey(headB, index));
          if (order) return ascending ? order : -order;
          return initial.get(headA) - initial.get(headB) || initial.get(a) - initial.get(b);
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
    if (filter.inferred && !data.inferred) return false;
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
      inferred: form.elements.inferred.checked,
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
    choose(row);
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

  function markOf(row) {
    return document.querySelector('mark.hl[data-claim="' + CSS.escape(row.dataset.claim) + '"]');
  }

  function showSentence(row) {
    const mark = markOf(row);
    if (mark) { selectMark(mark); mark.scrollIntoView({ block: "center" }); }
  }

  const details = document.getElementById("details");
  let current = null;

  function detailOf(row) {
    return details.querySelector('.detail[data-claim="' + CSS.escape(row.dataset.claim) + '"]');
  }

  function choose(row) {
    rows.forEach(function (other) { other.classList.remove("selected"); });
    row.classList.add("selected");
    current = row;
    details.querySelectorAll(".detail").forEach(function (detail) {
      detail.hidden = detail.dataset.claim !== row.dataset.claim;
    });
  }

  rows.forEach(function (row) {
    row.addEventListener("click", function (event) {
      choose(row);
      if (!event.target.closest("select")) showSentence(row);
    });
  });

  function step(by) {
    const visible = rows.filter(function (row) { return !row.hidden; });
    if (!visible.length) return;
    const at = visible.indexOf(current);
    const next = visible[at < 0 ? 0 : Math.min(Math.max(at + by, 0), visible.length - 1)];
    choose(next);
    next.scrollIntoView({ block: "nearest" });
  }

  // The review desk: each row's reviewer cells saved to the tables as soon as they change.
  const api = document.body.dataset.api;
  const articleId = document.querySelector("main.article").dataset.article;
  const saved = document.getElementById("saved");
  const VERDICT_KEYS = { v: "verified", f: "false", m: "misleading", u: "unverifiable", n: "not_a_claim", 0: "" };

  function fieldsOf(row) {
    return [row.querySelector("select.verdict")].concat(Array.from(detailOf(row).querySelectorAll("[data-field]")))
      .filter(Boolean);
  }

  // The cells a save wrote into a row: the page takes them, unless the reviewer has typed since.
  function showSaved(row, cells) {
    fieldsOf(row).forEach(function (field) {
      const value = cells[field.dataset.field];
      if (value === undefined) return;
      if (field.value === field.dataset.base || field.value === value) field.value = value;
      field.dataset.base = value;
    });
    row.dataset.review = cells.review_status || "unreviewed";
    if (row.dataset.review === "unreviewed") row.querySelector("select.verdict").value = "";
  }

  function save(row) {
    const fields = fieldsOf(row);
    const cells = {};
    const base = {};
    fields.forEach(function (field) {
      base[field.dataset.field] = field.dataset.base;
      if (field.value !== field.dataset.base) cells[field.dataset.field] = field.value;
    });
    if (!Object.keys(cells).length) { row.classList.remove("unsaved"); return; }
    row.classList.add("unsaved");
    fetch(api, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ article_id: articleId, claim_id: row.dataset.claim, cells: cells, base: base }),
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (answer) {
      if (answer.status === 423) {
        saved.textContent = "Waiting to save (" + answer.body.error + ")";
        setTimeout(function () { save(row); }, 1500);
        return;
      }
      if (answer.status !== 200) {
        row.classList.add("conflict");
        saved.textContent = "Not saved: " + answer.body.error;
        return;
      }
      showSaved(row, answer.body.cells);
      row.classList.remove("unsaved", "conflict");
      const group = answer.body.group || {};
      Object.keys(group).forEach(function (claimId) {
        const other = document.getElementById("claim-" + claimId);
        if (other) showSaved(other, group[claimId]);
      });
      if (fieldsOf(row).some(function (field) { return field.value !== field.dataset.base; })) save(row);
      const given = Object.keys(group).length;
      const refused = answer.body.refused || [];
      saved.textContent = "Saved at " + new Date().toLocaleTimeString()
        + (given ? " (also on " + given + " row" + (given > 1 ? "s" : "") + " restating it)" : "") + "."
        + (refused.length ? " Not given to a restating row: " + refused.join(" ") : "");
    }).catch(function (error) {
      saved.textContent = "Not saved (" + error + "); the change stays in the page, retrying.";
      setTimeout(function () { save(row); }, 3000);
    });
  }

  if (api) {
    rows.forEach(function (row) {
      fieldsOf(row).forEach(function (field) {
        field.addEventListener("change", function () { save(row); });
        field.addEventListener("keydown", function (event) {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) save(row);
        });
      });
    });
    window.addEventListener("beforeunload", function (event) {
      if (document.querySelector("tr.unsaved")) event.preventDefault();
    });
  }

  document.addEventListener("keydown", function (event) {
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if (event.key === "Escape") {
      if (typing) event.target.blur();
      if (current) current.scrollIntoView({ block: "nearest" });
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j") step(1);
    else if (event.key === "k") step(-1);
    else if (event.key === "s" && current) showSentence(current);
    else if (api && current && event.key === "e") {
      event.preventDefault();
      detailOf(current).querySelector("textarea").focus();
    } else if (api && current && Object.prototype.hasOwnProperty.call(VERDICT_KEYS, event.key)) {
      const select = current.querySelector("select.verdict");
      select.value = VERDICT_KEYS[event.key];
      save(current);
    } else return;
    event.preventDefault();
  });

  applyFilters();
})();
