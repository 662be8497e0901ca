// The GOV.UK timeout warning: five minutes before an idle session ends, offer to stay
// signed in; and keep what is typed in a form in this browser, so that a session that has
// ended when Save is pressed loses nothing (the form is filled in again after signing in).
const dialog = document.getElementById("timeout-warning");
const WARN_BEFORE = 5 * 60;

if (dialog && typeof dialog.showModal === "function") {
  const seconds = Number(dialog.dataset.timeoutSeconds) || 3600;
  let warnTimer, endTimer;
  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => dialog.showModal(), Math.max(seconds - WARN_BEFORE, 10) * 1000);
    endTimer = setTimeout(() => {
      const next = encodeURIComponent(location.pathname + location.search);
      location.assign(`${dialog.dataset.signInUrl}?next=${next}`);
    }, seconds * 1000);
  };
  const form = dialog.querySelector("form");
  const failed = dialog.querySelector(".kp-timeout__failed");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let renewed = false;
    try {
      const response = await fetch(dialog.dataset.keepAliveUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
      renewed = response.status === 204;
    } catch {
      renewed = false;
    }
    if (renewed) {
      failed.hidden = true;
      dialog.close();
      schedule();
    } else {
      failed.hidden = false; // the dialog stays open, saying so, rather than seeming to work
    }
  });
  // Escape is "stay signed in", as in the GOV.UK pattern: closing the warning must not
  // leave the page to be signed out minutes later with no warning on screen.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    form.requestSubmit();
  });
  schedule();
}

// Drafts: forms marked data-kp-draft keep their text fields in sessionStorage.
for (const form of document.querySelectorAll("form[data-kp-draft]")) {
  const key = `kentplan-draft:${form.dataset.kpDraft}`;
  const fields = () => form.querySelectorAll("textarea, input[type=text], input[type=radio]");
  const version = () => form.querySelector("input[name=version]")?.value || "";
  const saved = JSON.parse(sessionStorage.getItem(key) || "null");
  // A draft typed against the version now saved was never saved: put it back. One typed
  // against an older version was saved since (or replaced), so it is dropped.
  if (saved && saved.version === version()) {
    for (const field of fields()) {
      if (!(field.name in saved)) continue;
      if (field.type === "radio") field.checked = saved[field.name] === field.value;
      else field.value = saved[field.name];
    }
    document.getElementById("draft-restored")?.removeAttribute("hidden");
  } else if (saved) {
    sessionStorage.removeItem(key);
  }
  const store = () => {
    const values = { version: version() };
    for (const field of fields()) {
      if (field.type === "radio") { if (field.checked) values[field.name] = field.value; }
      else values[field.name] = field.value;
    }
    sessionStorage.setItem(key, JSON.stringify(values));
  };
  form.addEventListener("input", store);
  form.addEventListener("change", store);
}
