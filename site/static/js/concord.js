// Progressive enhancements only: every page works without JavaScript.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  navigator.clipboard.writeText(button.dataset.copy).then(() => {
    const done = button.dataset.copiedLabel;
    if (done) {
      const original = button.textContent;
      button.textContent = done;
      setTimeout(() => { button.textContent = original; }, 2000);
    }
  });
});
