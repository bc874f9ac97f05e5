/**
 * The site's only script, served from /assets/site.js (the CSP allows no inline
 * script). Small conveniences; every page works without it.
 */
export const SITE_JS = `"use strict";
(function () {
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }

  // Subscribe form: send the browser's time zone with the address.
  document.querySelectorAll("input[data-browser-zone]").forEach(function (input) {
    if (zone) input.value = zone;
  });

  // Preferences: propose the browser's time zone when it differs from the saved one.
  var select = document.querySelector("select[data-zone-select]");
  var hint = document.querySelector("[data-zone-hint]");
  if (select && hint && zone && select.value !== zone) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
    if (known) {
      hint.querySelector("[data-zone-name]").textContent = zone;
      hint.hidden = false;
      hint.querySelector("button").addEventListener("click", function () {
        select.value = zone;
        hint.hidden = true;
      });
    }
  }

  // Sliders show their value as words while they move.
  document.querySelectorAll("input[type=range][data-output]").forEach(function (range) {
    var output = document.getElementById(range.getAttribute("data-output"));
    if (!output) return;
    var show = function () {
      var v = Number(range.value);
      var relevance = Math.round(v * 100);
      output.textContent = relevance + "% relevance, " + (100 - relevance) + "% trend";
    };
    range.addEventListener("input", show);
    show();
  });

  // The weekday only matters for a weekly digest.
  var weekday = document.querySelector("select[name=weekday]");
  var radios = document.querySelectorAll("input[name=frequency]");
  if (weekday && radios.length) {
    var sync = function () {
      var weekly = document.querySelector("input[name=frequency]:checked");
      var field = weekday.closest(".field");
      if (field) field.classList.toggle("muted", !(weekly && weekly.value === "weekly"));
    };
    radios.forEach(function (r) { r.addEventListener("change", sync); });
    sync();
  }
})();
`;
