// Screen-pop: while an operator has any Huzhu page open, a ringing call shows who is calling and what
// happened before, with a link to record the call. Pages work without this script.
(function () {
  "use strict";
  var box = document.getElementById("screenpop");
  if (!box || !window.EventSource) { return; }
  var source = new EventSource(box.getAttribute("data-events"));

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  source.addEventListener("ring", function (message) {
    var call = JSON.parse(message.data);
    var card = element("section", "notice due screenpop-call");
    card.setAttribute("role", "alert");
    card.appendChild(element("h2", null, call.title));
    call.workers.forEach(function (worker) { card.appendChild(element("p", "worker", worker)); });
    if (call.callbacks) { card.appendChild(element("p", "callbacks", call.callbacks)); }
    var list = element("ol", "history");
    call.history.forEach(function (line) { list.appendChild(element("li", null, line)); });
    card.appendChild(list);
    var link = element("a", "button primary", call.action);
    link.href = call.url;
    card.appendChild(link);
    box.insertBefore(card, box.firstChild);
    box.hidden = false;
  });
})();
