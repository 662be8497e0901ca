// The update form's suggested rating, kept up to date as the lead chooses a status or types
// a revised due date. It follows the rule in actions/brag.py (suggest_rating) word for word;
// tests/browser/test_progress_updates.py checks the two agree. Without JavaScript the
// server shows the suggestion after each submit, so nothing depends on this file.
const box = document.getElementById("rating-suggestion");
const form = box && box.closest("form");
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const LABELS = { green: "Green", amber: "Amber", red: "Red" };
const DUE_SOON_DAYS = 30;

// A date as [year, month, day] numbers from "YYYY-MM-DD", or null.
const parse = (iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
};
const utc = (d) => Date.UTC(d[0], d[1] - 1, d[2]);
const before = (a, b) => utc(a) < utc(b);
const daysBetween = (from, to) => Math.round((utc(to) - utc(from)) / 86400000);
const words = (d) => `${d[2]} ${MONTHS[d[1] - 1]} ${d[0]}`;

function suggest(status, due, start, today) {
  if (status === "complete") {
    return ["green", "Reported complete; Blue once the accountable lead verifies it"];
  }
  if (status === "off_track") return ["red", "Reported off track"];
  if (due && before(due, today)) return ["red", `Past its due date (${words(due)}) and not complete`];
  if (status === "at_risk") return ["amber", "Reported at risk"];
  if (status === "not_started" && start && before(start, today)) {
    return ["amber", `Not started, though due to start on ${words(start)}`];
  }
  if (status === "not_started" && due && daysBetween(today, due) <= DUE_SOON_DAYS) {
    return ["amber", `Not started and due within a month (${words(due)})`];
  }
  return ["green", "On track and within its dates"];
}

// The revised due date typed in the three boxes, if it is a real date.
function typedDate() {
  const value = (part) => form.querySelector(`[name="revised_due_date_${part}"]`)?.value.trim();
  const [d, m, y] = ["day", "month", "year"].map(value);
  if (![d, m, y].every((v) => /^\d+$/.test(v || "")) || y.length !== 4) return null;
  const date = [Number(y), Number(m), Number(d)];
  const check = new Date(utc(date));
  const real = check.getUTCFullYear() === date[0] && check.getUTCMonth() === date[1] - 1
    && check.getUTCDate() === date[2];
  return real ? date : null;
}

function show() {
  const chosen = form.querySelector('input[name="status"]:checked');
  if (!chosen) return;
  const due = typedDate() || parse(box.dataset.due);
  const [rating, rule] = suggest(chosen.value, due, parse(box.dataset.start),
    parse(box.dataset.today));
  const tag = document.createElement("strong");
  tag.className = `govuk-tag kp-rating kp-rating--${rating}`;
  tag.textContent = LABELS[rating];
  box.replaceChildren("Suggested rating for the status chosen: ", tag, ` – ${rule}.`);
}

if (form && box.dataset.today) {
  form.addEventListener("change", show);
  form.addEventListener("input", (event) => {
    if (event.target.name?.startsWith("revised_due_date_")) show();
  });
}
