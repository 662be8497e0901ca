// Conditional reveal for radios (GOV.UK pattern) without aria-expanded on the radio,
// which ARIA does not allow there. Without JavaScript the revealed part simply shows.
for (const radio of document.querySelectorAll("input[type=radio][data-kp-reveal]")) {
  const target = document.getElementById(radio.dataset.kpReveal);
  if (!target) continue;
  const group = document.querySelectorAll(`input[type=radio][name="${radio.name}"]`);
  const sync = () => target.classList.toggle("govuk-radios__conditional--hidden", !radio.checked);
  for (const other of group) other.addEventListener("change", sync);
  sync();
}
