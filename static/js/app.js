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

  // One live region, there from the start (a region added later is often not read), for short messages.
  function announce(text) {
    var region = document.getElementById("announcer");
    if (!region) return;
    region.textContent = "";
    // A moment's gap, so the same message said twice is read twice.
    window.setTimeout(function () { region.textContent = text; }, 100);
  }

  function addAnnouncer() {
    if (document.getElementById("announcer")) return;
    var region = document.createElement("p");
    region.id = "announcer";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
  }

  // Following a link to a job advert on another site: one bare count for the Academy (no name, no device),
  // sent as the page unloads so the link opens at once. Without JavaScript the click is simply not counted.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-went]") : null;
    if (link && navigator.sendBeacon) {
      var body = new FormData();
      body.append("csrf_token", link.getAttribute("data-csrf"));
      navigator.sendBeacon(link.getAttribute("data-went"), body);
    }
  });

  // A form answered with its problem marked (status 400) is shown like any other answer, where the page
  // allows it (data-swap-problems); htmx would otherwise drop it and the button would seem to do nothing.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 400 && event.detail.target.hasAttribute("data-swap-problems")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After htmx swaps in the next question, move focus to its heading (or to the problem, if there is one)
  // so screen readers announce it. The page marks such places with data-focus-heading, so this file never
  // repeats a fragment's id.
  document.addEventListener("htmx:afterSwap", function (event) {
    showReadAloud(event.target);
    if (!event.target.hasAttribute("data-focus-heading")) return;
    var place = event.target.querySelector(".error-summary") || event.target.querySelector("h1");
    if (place) {
      if (!place.hasAttribute("tabindex")) place.setAttribute("tabindex", "-1");
      place.focus();
    }
  });

  // After a swap that removed the button just pressed ("Not for me", a reason), focus would fall back to
  // the top of the page. Move it to what the swap brought (marked data-focus-after-swap, or a message marked
  // data-announce), and bring that into view: on a phone it may be far above the card that was tapped.
  document.addEventListener("htmx:afterSwap", function (event) {
    var message = event.target.querySelector("[data-announce]");
    var place = event.target.querySelector("[data-focus-after-swap]") || message;
    if (!place) return;
    place.focus({ preventScroll: true });
    (place.closest("form") || place).scrollIntoView({ block: "start" });  // the whole box, not just its question
    if (message) announce(message.textContent.trim());
  });

  // --- Quiz: "pick up to 3" says so as soon as a box too many is ticked ---
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[type=checkbox]")) return;
    var group = box.closest("[data-most]");
    if (!group) return;
    var most = parseInt(group.getAttribute("data-most"), 10);
    var message = document.getElementById(group.getAttribute("data-limit-message"));
    if (!message) return;
    if (group.querySelectorAll("input[type=checkbox]:checked").length > most) {
      box.checked = false;
      message.textContent = "You can pick up to " + most + ". To pick this one, untick another first.";
      message.classList.add("notice");
    } else if (message.textContent) {
      message.textContent = "";
      message.classList.remove("notice");
    }
  });

  // --- Search boxes with suggestions (ARIA combobox, list autocomplete) ---
  // htmx fills the list; this code opens and closes it and moves through it with the keyboard.
  function comboParts(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(input.id + "-status");
    return { list: list, status: status, options: list ? list.querySelectorAll("[role=option]") : [] };
  }

  function setOpen(input, open) {
    var parts = comboParts(input);
    if (!parts.list) return;
    parts.list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) {
      input.removeAttribute("aria-activedescendant");
      parts.options.forEach(function (o) { o.setAttribute("aria-selected", "false"); });
    }
  }

  function highlight(input, index) {
    var options = comboParts(input).options;
    options.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    if (options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var list = event.target;
    if (list.getAttribute("role") !== "listbox") return;
    var input = document.querySelector("[aria-controls='" + list.id + "']");
    if (!input) return;
    var parts = comboParts(input);
    var count = parts.options.length;
    setOpen(input, count > 0 && document.activeElement === input && input.value.trim() !== "");
    if (parts.status) {
      parts.status.textContent = count ? count + (count === 1 ? " job suggested." : " jobs suggested.") +
        " Use the up and down arrows to choose." : "";
    }
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("[role=combobox]")) return;
    var parts = comboParts(input);
    var options = Array.prototype.slice.call(parts.options);
    var current = options.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      setOpen(input, true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      highlight(input, (current + step + options.length) % options.length);
    } else if (event.key === "Enter" && current >= 0 && !parts.list.hidden) {
      event.preventDefault();
      window.location.href = options[current].getAttribute("data-href");
    } else if (event.key === "Escape") {
      if (!parts.list.hidden) event.preventDefault();
      setOpen(input, false);
    }
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest("[role=option][data-href]");
    if (option) { window.location.href = option.getAttribute("data-href"); return; }
    document.querySelectorAll("[role=combobox][aria-expanded=true]").forEach(function (input) {
      if (!input.parentNode.contains(event.target)) setOpen(input, false);
    });
  });

  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("[role=combobox]")) return;
    // Wait a moment: a tap on an option moves focus away before its click arrives.
    window.setTimeout(function () { if (document.activeElement !== input) setOpen(input, false); }, 200);
  });

  document.addEventListener("submit", function (event) {
    event.target.querySelectorAll("[role=combobox]").forEach(function (input) { setOpen(input, false); });
  });

  // --- Compare: at most three jobs can be ticked at once ---
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[form=compare-form]")) return;
    var ticked = document.querySelectorAll("input[form=compare-form]:checked");
    if (ticked.length > 3) {
      box.checked = false;
      var status = document.getElementById("compare-status");
      if (status) status.textContent = "You can compare up to 3 jobs. Untick one first.";
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    showReadAloud(document);
    addAnnouncer();
  });
})();
