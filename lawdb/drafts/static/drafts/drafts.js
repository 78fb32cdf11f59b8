// "Check a draft": progressive enhancements; the pages work without JavaScript.

// After a rejected submission, move focus to the list of errors so it is read out first.
document.getElementById("error-summary")?.focus();

// Only offer laws of the chosen jurisdiction as the law in force that the draft amends.
(() => {
  const jurisdiction = document.getElementById("id_jurisdiction");
  const amends = document.getElementById("id_amends");
  if (!jurisdiction || !amends) return;
  const narrow = () => {
    for (const option of amends.options) {
      if (!option.value) continue;
      const other = Boolean(jurisdiction.value) && option.dataset.jurisdiction !== jurisdiction.value;
      option.hidden = other;
      option.disabled = other;
      if (other && option.selected) amends.value = "";
    }
  };
  jurisdiction.addEventListener("change", narrow);
  narrow();
})();

// Poll the status of a running check every second; reload the report when it is finished.
(() => {
  const section = document.querySelector("[data-status-url]");
  if (!section) return;
  const bar = section.querySelector("progress");
  const percent = section.querySelector("[data-progress-text]");
  const status = section.querySelector("[data-status-text]");
  const poll = async () => {
    try {
      const response = await fetch(section.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const state = await response.json();
        // The text is a live region: touch it only on change, so it is not read out every second.
        if (percent.textContent !== String(state.progress) || status.textContent !== state.status_display) {
          if (state.progress) bar.value = state.progress;
          bar.textContent = `${state.progress}%`;
          percent.textContent = state.progress;
          status.textContent = state.status_display;
        }
        if (state.finished) {
          window.location.replace(section.dataset.reportUrl);
          return;
        }
      }
    } catch (error) {
      // A network hiccup: try again on the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
})();
