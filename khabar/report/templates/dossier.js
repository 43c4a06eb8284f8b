/* khabar dossier: search and filters over the page's own elements.
   Allowed by the page's Content-Security-Policy through the SHA-256 of exactly this text, so no
   other script can run. It reads text with textContent and changes only the hidden and open
   states and classes of elements: it never writes markup. */
(function () {
  "use strict";
  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
  var OPEN_LIMIT = 12; // sections opened by a search when no more than this many match

  function norm(text) {
    return (text || "").replace(MARKS, "")
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0649/g, "\u064A")
      .replace(/\u0624/g, "\u0648")
      .replace(/\u0626/g, "\u064A")
      .toLowerCase();
  }
  function words(el, unit) {
    var parts = [];
    el.querySelectorAll(".s").forEach(function (s) {
      if (s.closest("[data-unit]") === unit) { parts.push(s.textContent); }
    });
    if (el.classList.contains("s")) { parts.push(el.textContent); }
    return norm(parts.join(" "));
  }
  function list(value) { return (value || "").split(" ").filter(Boolean); }
  function each(selector, fn) { return Array.prototype.map.call(document.querySelectorAll(selector), fn); }

  // A filter the page does not have (the index has no story filter) reads as "all".
  var NONE = { value: "", addEventListener: function () {} };
  function field(id) { return document.getElementById(id) || NONE; }
  // Folded groups ("N more events", "all entities") open while a search shows something inside.
  function openMore(active) {
    each("details.more", function (d) {
      if (active) { d.open = d.querySelector("[data-unit]:not([hidden])") !== null; }
    });
  }

  // The index page of a split dossier: rows of stories, entities and outlets, each carrying the
  // outlets (data-outlets) and days (data-days) of its articles.
  function startIndex(tools) {
    var q = field("q"), fOutlet = field("f-outlet"), fDay = field("f-day"), count = field("f-count");
    var rows = each("[data-unit]", function (el) {
      return { el: el, unit: el.dataset.unit, text: words(el, el), outlets: list(el.dataset.outlets || el.dataset.outlet), days: list(el.dataset.days) };
    });
    var folds = Array.prototype.slice.call(document.querySelectorAll("details[data-fold]"));
    folds.forEach(function (d) { d.dataset.wasOpen = d.open ? "1" : ""; });
    function apply() {
      var terms = norm(q.value).split(/\s+/).filter(Boolean);
      var outlet = fOutlet.value, day = fDay.value;
      var active = Boolean(outlet || day || terms.length);
      var shown = { story: 0, entity: 0, outlet: 0 };
      rows.forEach(function (r) {
        var on = terms.every(function (t) { return r.text.indexOf(t) >= 0; }) &&
          (!outlet || r.outlets.indexOf(outlet) >= 0) && (!day || r.unit === "outlet" || r.days.indexOf(day) >= 0);
        r.el.hidden = !on;
        if (on) { shown[r.unit] = (shown[r.unit] || 0) + 1; }
      });
      if (!active) { folds.forEach(function (d) { d.open = d.dataset.wasOpen === "1"; }); }
      openMore(active);
      document.body.classList.toggle("filtered", active);
      count.textContent = !active ? "" : english()
        ? "Showing " + shown.story + " stories, " + shown.entity + " entities, " + shown.outlet + " outlets."
        : "يظهر: " + shown.story + " قصة، " + shown.entity + " كيانًا، " + shown.outlet + " موقعًا.";
    }
    var english = languageToggle(q, count, apply);
    wire(tools, q, [fOutlet, fDay], apply);
    document.addEventListener("click", function (event) {
      var pick = event.target.closest("[data-pick-outlet]");
      if (pick) { fOutlet.value = pick.dataset.pickOutlet; apply(); tools.scrollIntoView(); }
    });
  }

  // The English toggle: returns a function telling whether English is on.
  function languageToggle(q, count, apply) {
    var on = false;
    var toggle = document.getElementById("lang-toggle");
    var arabicHint = q.placeholder;
    var labelled = Array.prototype.slice.call(document.querySelectorAll("[data-en]"));
    labelled.forEach(function (el) { el.dataset.ar = el.textContent; });
    toggle.addEventListener("click", function () {
      on = !on;
      labelled.forEach(function (el) {
        el.textContent = on ? el.dataset.en : el.dataset.ar;
        if (el !== toggle) { if (on) { el.lang = "en"; } else { el.removeAttribute("lang"); } }
      });
      q.placeholder = on ? q.dataset.enPlaceholder : arabicHint;
      count.dir = on ? "ltr" : "rtl";
      apply();
    });
    return function () { return on; };
  }

  // Search runs 150 ms after the last key; filters at once; reset clears; the form never submits.
  function wire(tools, q, selects, apply) {
    var timer = 0;
    q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    tools.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    tools.addEventListener("reset", function () { setTimeout(apply, 0); });
    each(".js-only", function (el) { el.hidden = false; });
    tools.hidden = false;
  }

  function start() {
    var tools = document.getElementById("tools");
    if (!tools) { return; }
    if (document.body.dataset.page === "index") { startIndex(tools); return; }
    var q = field("q"), fStory = field("f-story"), fOutlet = field("f-outlet"), fDay = field("f-day"),
      fEntity = field("f-entity"), fStance = field("f-stance"), count = field("f-count");
    var names = {};
    var entities = each('[data-unit="entity"]', function (el) {
      var item = { el: el, id: el.dataset.entity, articles: list(el.dataset.articles), text: words(el, el) };
      names[item.id] = item.text;
      return item;
    });
    var articles = {};
    var articleList = each('[data-unit="article"]', function (el) {
      var ents = list(el.dataset.entities);
      var item = {
        el: el, id: el.dataset.article, outlet: el.dataset.outlet, day: el.dataset.day, story: el.dataset.story,
        entities: ents, stances: list(el.dataset.stances),
        text: words(el, el) + " " + ents.map(function (e) { return names[e] || ""; }).join(" ")
      };
      articles[item.id] = item;
      return item;
    });
    var claims = each('[data-unit="claim"]', function (el) {
      return {
        el: el, text: words(el, el), event: el.parentElement.closest('[data-unit="event"]'),
        sources: list(el.dataset.sources).map(function (s) { var i = s.lastIndexOf(":"); return [s.slice(0, i), s.slice(i + 1)]; })
      };
    });
    var events = each('[data-unit="event"]', function (el) {
      return { el: el, articles: list(el.dataset.articles), text: words(el, el), story: el.parentElement.closest('[data-unit="story"]'), claims: [] };
    });
    var eventOf = new Map(events.map(function (e) { return [e.el, e]; }));
    claims.forEach(function (c) { var e = eventOf.get(c.event); if (e) { e.claims.push(c); } });
    var stories = each('[data-unit="story"]', function (el) { return { el: el, text: words(el, el), events: [] }; });
    var storyOf = new Map(stories.map(function (s) { return [s.el, s]; }));
    events.forEach(function (e) { var s = storyOf.get(e.story); if (s) { s.events.push(e); } });
    var outlets = each('[data-unit="outlet"]', function (el) {
      return { el: el, id: el.dataset.outlet, text: words(el, el), rows: Array.prototype.slice.call(el.querySelectorAll("[data-row]")) };
    });
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-row]"));
    var folds = Array.prototype.slice.call(document.querySelectorAll("details[data-fold]"));
    var marks = Array.prototype.slice.call(document.querySelectorAll("svg .timeline-row[data-event]"));
    folds.forEach(function (d) { d.dataset.wasOpen = d.open ? "1" : ""; });

    function apply() {
      var terms = norm(q.value).split(/\s+/).filter(Boolean);
      var story = fStory.value, outlet = fOutlet.value, day = fDay.value, entity = fEntity.value, stance = fStance.value;
      var narrowed = Boolean(story || outlet || day || entity || stance);
      var active = narrowed || terms.length > 0;
      var hit = function (text) { return terms.every(function (t) { return text.indexOf(t) >= 0; }); };
      var fits = function (a) {
        return Boolean(a) && (!outlet || a.outlet === outlet) && (!day || a.day === day) &&
          (!story || a.story === story) && (!entity || a.entities.indexOf(entity) >= 0);
      };
      var passes = function (id) { var a = articles[id]; return fits(a) && (!stance || a.stances.indexOf(stance) >= 0); };
      var found = function (id) { return passes(id) && hit(articles[id].text); };
      var shown = { article: 0, claim: 0, event: 0, story: 0 };

      articleList.forEach(function (a) { var on = passes(a.id) && hit(a.text); a.el.hidden = !on; if (on) { shown.article += 1; } });
      rows.forEach(function (r) { r.hidden = !passes(r.dataset.article); });
      var claimOk = function (c) {
        if (!c.sources.length) { return !narrowed; }
        return c.sources.some(function (s) { return fits(articles[s[0]]) && (!stance || s[1] === stance); });
      };
      var showClaim = function (c, inherited) {
        var on = claimOk(c) && (inherited || hit(c.text));
        c.el.hidden = !on;
        if (on) { shown.claim += 1; }
        return on;
      };
      claims.forEach(function (c) { if (!c.event) { showClaim(c, false); } });
      var showEvent = function (e, inherited) {
        var ok = e.articles.length ? e.articles.some(passes) : !narrowed;
        var own = inherited || hit(e.text);
        var anyClaim = false;
        e.claims.forEach(function (c) { anyClaim = showClaim(c, own) || anyClaim; });
        var on = ok && (own || anyClaim || e.articles.some(found));
        e.el.hidden = !on;
        if (on) { shown.event += 1; }
        return on;
      };
      events.forEach(function (e) { if (!e.story) { showEvent(e, false); } });
      stories.forEach(function (s) {
        var own = hit(s.text);
        var any = false;
        s.events.forEach(function (e) { any = showEvent(e, own) || any; });
        s.el.hidden = !any;
        if (any) { shown.story += 1; }
        if (active) { s.el.open = any; }
      });
      var visibleEntities = entities.filter(function (e) {
        var on = (e.articles.length ? e.articles.some(passes) : !narrowed) && (e.id === entity || hit(e.text));
        e.el.hidden = !on;
        return on;
      });
      var visibleOutlets = outlets.filter(function (o) {
        var own = hit(o.text);
        var any = false;
        o.rows.forEach(function (r) { var on = passes(r.dataset.article) && (own || found(r.dataset.article)); r.hidden = !on; any = any || on; });
        var on = (!outlet || o.id === outlet) && any;
        o.el.hidden = !on;
        return on;
      });
      if (active) {
        [visibleEntities, visibleOutlets].forEach(function (group) {
          group.forEach(function (item) { item.el.open = group.length <= OPEN_LIMIT || item.id === entity; });
        });
      } else {
        folds.forEach(function (d) { d.open = d.dataset.wasOpen === "1"; });
      }
      openMore(active);
      marks.forEach(function (m) {
        var target = document.getElementById("event-" + m.dataset.event);
        m.classList.toggle("dim", active && Boolean(target) && target.hidden);
      });
      document.body.classList.toggle("filtered", active);
      if (!active) {
        count.textContent = "";
      } else if (english()) {
        count.textContent = "Showing " + shown.story + " stories, " + shown.event + " events, " + shown.claim + " claims, " + shown.article + " articles.";
      } else {
        count.textContent = "يظهر: " + shown.story + " قصة، " + shown.event + " حدثًا، " + shown.claim + " ادعاءً، " + shown.article + " مقالًا.";
      }
    }

    var english = languageToggle(q, count, apply);
    wire(tools, q, [fStory, fOutlet, fDay, fEntity, fStance], apply);
    document.addEventListener("click", function (event) {
      var pick = event.target.closest("[data-pick-entity], [data-pick-outlet]");
      if (pick) {
        if (pick.dataset.pickEntity) { fEntity.value = pick.dataset.pickEntity; }
        if (pick.dataset.pickOutlet) { fOutlet.value = pick.dataset.pickOutlet; }
        apply();
        tools.scrollIntoView();
        return;
      }
      var link = event.target.closest('a[href^="#"]');
      if (link) { reveal(decodeURIComponent(link.getAttribute("href").slice(1))); }
    });
  }

  function reveal(id) {
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
      if (el.hidden) { el.hidden = false; }
    }
    return target;
  }
  window.addEventListener("hashchange", function () {
    var target = reveal(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    start();
    if (location.hash) {
      var target = reveal(decodeURIComponent(location.hash.slice(1)));
      if (target) { target.scrollIntoView(); }
    }
  });
})();
