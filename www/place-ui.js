// The place search (gazetteer, places.js): a county, city or province sets the site's
// coordinates, and the station method then uses the station nearest to them. A combobox by the
// coordinates, and the places listed after the stations in the station search.

import { t, lang } from './i18n.js';
import { fmt } from './format.js';
import { $, state } from './state.js';
import { findPlaces, placeByCode, placeLabel } from './places.js';

/** What this module needs of the page. */
const page = {};

/** Called once: `ctx` = { nearestTo, stationName, km, closeSuggestions, rememberStation, afterUserChange }. */
export function setupPlaces(ctx) {
  Object.assign(page, ctx);
  wirePlaceSearch();
}

const MAX_PLACES = 8;
const placeUi = { found: [], active: -1 };

/** The place list under a search box (`listId`), items as options with data-place. */
export function placeOptions(listId, found) {
  const zh = lang() === 'zh-CN';
  return found.map((p, i) => {
    const li = document.createElement('li');
    li.id = `${listId}-${i}`;
    li.setAttribute('role', 'option');
    li.className = 'combo-option';
    li.dataset.place = p.code;
    li.dataset.testid = `place-option-${p.code}`;
    const name = document.createElement('span');
    name.className = 'so-name';
    name.textContent = zh ? p.name : p.english;
    const rest = placeLabel(p, zh).split(zh ? ' · ' : ', ').slice(1).join(zh ? ' · ' : ', ');
    const near = page.nearestTo(p);
    const tail = near ? ` · ${page.stationName(near.station)} ${page.km(near.distanceKm)} km` : '';
    li.append(name, ` ${zh ? p.english : p.name}${rest ? ` · ${rest}` : ''}${tail}`);
    return li;
  });
}

function searchPlaces() {
  const q = $('place-search').value.trim();
  const list = $('place-list');
  const found = q ? findPlaces(q) : [];
  placeUi.found = found.slice(0, MAX_PLACES);
  placeUi.active = placeUi.found.length ? 0 : -1;
  list.replaceChildren(...placeOptions('place-option', placeUi.found));
  list.hidden = !placeUi.found.length;
  $('place-search').setAttribute('aria-expanded', String(!list.hidden));
  $('place-status').textContent = !q ? '' : found.length ? t('place.found', { n: found.length }) : t('place.none', { q });
  highlightPlace();
}

function highlightPlace() {
  const items = [...$('place-list').children];
  items.forEach((li, i) => li.setAttribute('aria-selected', String(i === placeUi.active)));
  const li = items[placeUi.active];
  if (li) $('place-search').setAttribute('aria-activedescendant', li.id);
  else $('place-search').removeAttribute('aria-activedescendant');
}

function closePlaces() {
  placeUi.found = [];
  placeUi.active = -1;
  $('place-list').hidden = true;
  $('place-list').replaceChildren();
  $('place-search').setAttribute('aria-expanded', 'false');
  $('place-search').removeAttribute('aria-activedescendant');
}

/** Puts a place's coordinates in the site fields (the station method then uses the nearest station). */
export function pickPlace(code) {
  const p = placeByCode(code);
  if (!p) return;
  closePlaces();
  page.closeSuggestions();
  state.searching = false;
  if ($('method').value === 'station') $('station-by-coords').checked = true;
  $('site-lat').value = p.latitude.toFixed(3);
  $('site-lon').value = p.longitude.toFixed(3);
  state.place = p.code;
  $('place-search').value = placeLabel(p, lang() === 'zh-CN');
  $('place-status').textContent = t('place.chosen', { name: placeLabel(p, lang() === 'zh-CN'), lat: fmt(p.latitude, 3), lon: fmt(p.longitude, 3) });
  page.rememberStation();
  page.afterUserChange();
  if ($('method').value === 'station') $('place-search').focus();
}

function wirePlaceSearch() {
  const input = $('place-search');
  input.addEventListener('input', searchPlaces);
  input.addEventListener('keydown', (e) => {
    const n = placeUi.found.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n) {
      e.preventDefault();
      placeUi.active = e.key === 'ArrowDown' ? (placeUi.active + 1) % n : (placeUi.active - 1 + n) % n;
      highlightPlace();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (n && placeUi.active >= 0) pickPlace(placeUi.found[placeUi.active].code);
    } else if (e.key === 'Escape') closePlaces();
  });
  input.addEventListener('blur', closePlaces);
  const list = $('place-list');
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (li) pickPlace(li.dataset.place);
  });
}

