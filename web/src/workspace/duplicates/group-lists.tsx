import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { DuplicateDecision, DuplicateGroup, DuplicateKind, DuplicatesResponse } from '../../../../schema';
import { LoadState } from '../components/load-state';
import { Pager } from '../components/pager';
import { useTexts, type Translate } from '../i18n/text';
import { useLoad } from '../lib/use-load';
import { DecidedCard } from './decided-card';
import { duplicatesApi } from './duplicates-api';
import { GroupCard } from './group-card';
import { leadMember } from './reasons';
import { duplicateTexts, type DuplicateTextKey } from './texts';

interface ListProps {
  region: string;
  /** The page of the list (from the URL); a page past the end steps back to the last one. */
  page: number;
  /** Shows another page of the list (in the URL; `replace` for a step the reader did not ask for). */
  onPage(page: number, replace?: boolean): void;
  /** Every answer, for the counts in the view links and the region's name. */
  onLoaded(data: DuplicatesResponse): void;
  /** A decision was stored or taken back: the page says so (and moves the focus to the message). */
  onMessage(text: string): void;
}

/** Which groups of how many are shown: "Gruppen 51–100 von 2.083", or just the count when all fit on one page. */
function rangeText(data: DuplicatesResponse, t: Translate<DuplicateTextKey>): string {
  if (data.total === 0) return t('countNone');
  if (data.groups.length === 0 || (data.page === 1 && data.total <= data.perPage)) {
    return data.total === 1 ? t('countOne') : t('count', { count: data.total });
  }
  const from = (data.page - 1) * data.perPage + 1;
  if (data.groups.length === 1) return t('rangeOne', { from, total: data.total });
  return t('range', { from, to: from + data.groups.length - 1, total: data.total });
}

/**
 * One page of a list: which groups of how many, the groups, and the pager. After the reader turns the page,
 * the range line takes the focus, so the new page is read from its start. A page past the end (its last
 * group decided, or an old link) steps back to the last page.
 */
function PagedGroups({ data, onPage, empty, children }: {
  data: DuplicatesResponse;
  onPage: ListProps['onPage'];
  empty: string;
  children: ComponentChildren;
}) {
  const t = useTexts(duplicateTexts);
  const range = useRef<HTMLParagraphElement>(null);
  const turned = useRef(false);
  const lastPage = Math.max(1, Math.ceil(data.total / data.perPage));
  useEffect(() => {
    if (data.groups.length === 0 && data.page > lastPage) onPage(lastPage, true);
  }, [data]);
  useEffect(() => {
    if (turned.current) range.current?.focus();
    turned.current = false;
  }, [data.page]);
  const turn = (page: number) => {
    turned.current = true;
    onPage(page);
  };

  return (
    <>
      <p ref={range} tabIndex={-1} class="ws-count">{rangeText(data, t)}</p>
      {data.groups.length > 0 ? children : data.total === 0 ? <p>{empty}</p> : null}
      <Pager page={data.page} perPage={data.perPage} total={data.total} onPage={turn} />
    </>
  );
}

/** The open groups of one kind, a page at a time. A decided group leaves the page at once; the page is then asked again. */
export function OpenGroups({ region, kind, page, onPage, onLoaded, onMessage }: ListProps & { kind: DuplicateKind }) {
  const t = useTexts(duplicateTexts);
  const loaded = useLoad(() => duplicatesApi.groups({ region, kind, page }), [region, kind, page]);
  useEffect(() => {
    if (loaded.data) onLoaded(loaded.data);
  }, [loaded.data]);

  const decided = (group: DuplicateGroup, decision: DuplicateDecision, keepId: number | null) => {
    const data = loaded.data;
    if (data) {
      const counts = { ...data.counts, [kind]: Math.max(0, data.counts[kind] - 1), decided: data.counts.decided + 1 };
      loaded.set({ ...data, counts, total: Math.max(0, data.total - 1), groups: data.groups.filter((g) => g.id !== group.id) });
    }
    const kept = group.offerings.find((o) => o.id === keepId) ?? leadMember(group);
    const title = kept?.title ?? '';
    const archived = decision.offeringIds.length - 1;
    onMessage(
      decision.decision === 'merged'
        ? archived === 1
          ? t('done_mergedOne', { title })
          : t('done_merged', { title, count: archived })
        : t(decision.decision === 'intended' ? 'done_intended' : 'done_not_duplicate', { title }),
    );
    // The same page again: the next group moves up into it, and a merge archives entries other groups may
    // hold too, so the server has the current picture.
    loaded.reload();
  };

  return (
    <LoadState loaded={loaded}>
      {(data) => (
        <PagedGroups data={data} onPage={onPage} empty={t(`empty_${kind}`)}>
          <ul class="dup-groups">
            {data.groups.map((group) => (
              <GroupCard key={group.id} group={group} onDecided={decided} />
            ))}
          </ul>
        </PagedGroups>
      )}
    </LoadState>
  );
}

/** The decided groups of both kinds, newest decision first (the server's order), each with its undo (but merges). */
export function DecidedGroups({ region, page, onPage, onLoaded, onMessage }: ListProps) {
  const t = useTexts(duplicateTexts);
  const loaded = useLoad(() => duplicatesApi.groups({ region, show: 'decided', page }), [region, page]);
  useEffect(() => {
    if (loaded.data) onLoaded(loaded.data);
  }, [loaded.data]);

  const undone = (group: DuplicateGroup) => {
    const data = loaded.data;
    if (data) loaded.set({ ...data, total: Math.max(0, data.total - 1), groups: data.groups.filter((g) => g.id !== group.id) });
    onMessage(t('undone', { title: leadMember(group)?.title ?? '' }));
    loaded.reload();
  };

  return (
    <LoadState loaded={loaded}>
      {(data) => (
        <PagedGroups data={data} onPage={onPage} empty={t('empty_decided')}>
          <ul class="dup-groups">
            {data.groups
              .filter((g): g is DuplicateGroup & { decision: DuplicateDecision } => g.decision !== null)
              .map((group) => (
                <DecidedCard key={`${group.id}:${group.decision.id}`} group={group} onUndone={undone} />
              ))}
          </ul>
        </PagedGroups>
      )}
    </LoadState>
  );
}
