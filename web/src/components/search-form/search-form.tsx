import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_RADIUS_KM } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { applyPlace } from '../../state/place-change';
import type { SearchState, Sort } from '../../state/search-state';
import { PlaceField } from '../place-field/place-field';
import { SearchTermField } from '../search-term-field/search-term-field';

interface Props {
  state: SearchState;
  update(next: SearchState): void;
  /** Collapsed behind the compact search bar (phones, after a search). */
  hidden: boolean;
  /** The user searched (submitted the form or picked a suggestion), as opposed to adjusting one choice. */
  onSearched(): void;
}

const radii = [5, 10, 25, 50, 100];

/** Text, place, radius and age: typed values apply on submit; choices (place, radius, sort) at once. */
export function SearchForm({ state, update, hidden, onSearched }: Props) {
  const i18n = useI18n();
  const [text, setText] = useState(state.filters.q ?? '');
  const [place, setPlace] = useState(state.place ?? '');
  const [age, setAge] = useState(state.filters.age?.toString() ?? '');
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');

  // Back/forward and chip removal change the state from outside: the fields follow.
  useEffect(() => setText(state.filters.q ?? ''), [state.filters.q]);
  useEffect(() => setPlace(state.place ?? ''), [state.place]);
  useEffect(() => setAge(state.filters.age?.toString() ?? ''), [state.filters.age]);

  const submit = (event: Event) => {
    event.preventDefault();
    const q = text.trim().slice(0, 200) || undefined;
    const parsedAge = age.trim() === '' ? undefined : Number(age);
    const validAge = parsedAge !== undefined && Number.isInteger(parsedAge) && parsedAge >= 0 && parsedAge <= 120 ? parsedAge : undefined;
    let next: SearchState = { ...state, filters: { ...state.filters, q, age: validAge } };
    // Only a place the user emptied is dropped: a region from a link shows no name while it loads.
    if (place.trim() === '' && state.place && (state.filters.near || state.filters.region)) {
      const { near: _n, region: _r, radius: _rad, ...rest } = next.filters;
      next = { ...next, filters: { ...rest, q, age: validAge }, place: undefined };
    }
    update(next);
    onSearched();
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        const { region: _r, bbox: _b, ...rest } = state.filters;
        update({
          ...state,
          place: i18n.t('myLocation'),
          filters: { ...rest, near: { lat: position.coords.latitude, lng: position.coords.longitude }, radius: rest.radius ?? DEFAULT_RADIUS_KM },
          map: undefined,
        });
      },
      () => setLocating('failed'),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <form id="search-form" role="search" class="search-form" hidden={hidden} onSubmit={submit}>
      <SearchTermField
        value={text}
        onInput={setText}
        state={state}
        onSearch={(next) => {
          setText(next.filters.q ?? '');
          update(next);
          onSearched();
        }}
      />
      <PlaceField value={place} onInput={setPlace} onPick={(match) => update(applyPlace(state, match))} />
      <div class="field locate">
        <button type="button" class="secondary" onClick={locate} disabled={locating === 'busy'}>
          {locating === 'busy' ? i18n.t('locating') : i18n.t('useMyLocation')}
        </button>
        {locating === 'failed' && <p class="field-error" role="alert">{i18n.t('locationFailed')}</p>}
      </div>
      <div class="field radius">
        <label for="radius">{i18n.t('radius')}</label>
        <select
          id="radius"
          value={String(state.filters.radius ?? DEFAULT_RADIUS_KM)}
          disabled={!state.filters.near}
          onChange={(e) => update({ ...state, filters: { ...state.filters, radius: Number(e.currentTarget.value) } })}
        >
          {radii.map((km) => (
            <option key={km} value={String(km)}>{i18n.t('radiusOption', { km })}</option>
          ))}
        </select>
      </div>
      <div class="field age">
        <label for="age">{i18n.t('age')}</label>
        <input id="age" type="number" inputMode="numeric" min={0} max={120} step={1} value={age} placeholder={i18n.t('ageHint')} onInput={(e) => setAge(e.currentTarget.value)} />
      </div>
      <div class="field sort">
        <label for="sort">{i18n.t('sort')}</label>
        <select
          id="sort"
          value={state.sort ?? (state.filters.near && !state.filters.q ? 'distance' : 'relevance')}
          onChange={(e) => update({ ...state, sort: e.currentTarget.value as Sort })}
        >
          <option value="relevance">{i18n.t('sortRelevance')}</option>
          <option value="distance" disabled={!state.filters.near}>{i18n.t('sortDistance')}</option>
          <option value="newest">{i18n.t('sortNewest')}</option>
        </select>
      </div>
      <button type="submit" class="primary">{i18n.t('search')}</button>
    </form>
  );
}
