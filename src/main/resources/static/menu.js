// The header menu on narrow screens: a "Menu" button that shows and hides the list. Without this
// script the list simply wraps under the masthead, so every link stays reachable.
(function () {
  'use strict';
  var nav = document.querySelector('[data-menu]');
  if (!nav) return;
  var button = nav.querySelector('.menu-toggle');
  if (!button) return;
  button.hidden = false;
  nav.classList.add('menu-ready');
  function set(open) {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('menu-open', open);
  }
  button.addEventListener('click', function () {
    set(button.getAttribute('aria-expanded') !== 'true');
  });
  nav.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
})();
