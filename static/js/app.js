// Small enhancements on top of pages that work without JavaScript.
(function () {
  "use strict";

  // Read a quiz question aloud where the browser can speak.
  function showReadAloud(root) {
    if (!("speechSynthesis" in window)) return;
    root.querySelectorAll(".read-aloud").forEach(function (el) { el.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-read-aloud]");
    if (!button) return;
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-read-aloud"));
    utterance.lang = "en-GB";
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  // After htmx swaps in the next question, move focus to its heading so screen readers announce it.
  document.addEventListener("htmx:afterSwap", function (event) {
    showReadAloud(event.target);
    if (event.target.id !== "quiz") return;
    var heading = event.target.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });

  document.addEventListener("DOMContentLoaded", function () { showReadAloud(document); });
})();
