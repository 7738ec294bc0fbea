(function () {
  'use strict';
  // Filters: a requirement (one tbody) is shown when it matches every chosen value.
  var table = document.getElementById('requirement-table');
  var status = document.getElementById('filter-status');
  var spec = document.getElementById('filter-spec');
  var level = document.getElementById('filter-level');
  var count = document.getElementById('visible-count');
  if (!table || !status || !spec || !level) {
    return;
  }
  var groups = Array.prototype.slice.call(table.querySelectorAll('tbody.req-group'));

  function apply() {
    var s = status.value, p = spec.value, l = level.value, shown = 0;
    groups.forEach(function (g) {
      var ok = (!s || g.getAttribute('data-status') === s)
          && (!p || g.getAttribute('data-spec') === p)
          && (!l || g.getAttribute('data-level') === l);
      g.classList.toggle('filtered-out', !ok);
      if (ok) {
        shown++;
      }
    });
    if (count) {
      count.textContent = shown + ' of ' + groups.length + ' requirements shown';
    }
  }

  // Opening a requirement copies its scenarios (rendered once, below) into the row: the page
  // holds each transcript once however many requirements a scenario judges.
  function fill(group) {
    var box = group.querySelector('.req-scenarios');
    var ids = (group.getAttribute('data-scenarios') || '').split(' ');
    ids.forEach(function (i) {
      if (!i) {
        return;
      }
      var source = document.getElementById('scenario-' + i);
      if (!source) {
        return;
      }
      var copy = source.cloneNode(true);
      copy.removeAttribute('id');
      copy.open = true;
      // mark the judgement of this requirement among the scenario's others
      Array.prototype.forEach.call(copy.querySelectorAll('.judgement'), function (j) {
        if (j.getAttribute('data-requirement') === group.getAttribute('data-id')) {
          j.classList.add('focus');
        }
      });
      box.appendChild(copy);
    });
    group.setAttribute('data-filled', 'true');
  }

  table.addEventListener('click', function (event) {
    var button = event.target.closest('button.toggle');
    if (!button) {
      return;
    }
    var group = button.closest('tbody.req-group');
    var detail = group.querySelector('tr.req-detail');
    var opening = detail.hidden;
    if (opening && group.getAttribute('data-filled') !== 'true') {
      fill(group);
    }
    detail.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    button.textContent = opening ? '\u25BE' : '\u25B8';
  });

  [status, spec, level].forEach(function (select) {
    select.addEventListener('change', apply);
  });
  apply();
}());
