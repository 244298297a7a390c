// Progressive help only; every page works without it.
// After a refused form, move keyboard focus to the explanation so that
// screen-reader and keyboard users hear it first.
document.addEventListener("DOMContentLoaded", () => {
  const err = document.getElementById("form-error");
  if (err) {
    err.setAttribute("tabindex", "-1");
    err.focus();
  }
});
