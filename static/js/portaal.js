/* Behaviour of the portal pages, kept out of the HTML so the Content-Security-Policy can forbid
   inline script (docs/adr/0014). No inline handlers: elements declare what they need in data-
   attributes and this file attaches the behaviour. */
(function () {
  "use strict";

  // <form data-bevestig="Vraag?">: ask before submitting; cancel keeps the user on the page.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var vraag = form.getAttribute("data-bevestig");
    if (vraag && !window.confirm(vraag)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
