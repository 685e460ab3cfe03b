import { useEffect } from 'preact/hooks';
import type { DuplicateDecision, DuplicateGroup, DuplicateKind, DuplicatesResponse } from '../../../../schema';
import { LoadState } from '../components/load-state';
import { useTexts } from '../i18n/text';
import { useLoad } from '../lib/use-load';
import { DecidedCard } from './decided-card';
import { duplicatesApi } from './duplicates-api';
import { GroupCard } from './group-card';
import { leadMember } from './reasons';
import { duplicateTexts } from './texts';

interface ListProps {
  region: string;
  /** Every answer, for the counts in the view links and the region's name. */
  onLoaded(data: DuplicatesResponse): void;
  /** A decision was stored or taken back: the page says so (and moves the focus to the message). */
  onMessage(text: string): void;
}

function CountLine({ count }: { count: number }) {
  const t = useTexts(duplicateTexts);
  return <p class="ws-count">{count === 0 ? t('countNone') : count === 1 ? t('countOne') : t('count', { count })}</p>;
}

/** The open groups of one kind. A decided group leaves the list at once; the list is then asked again. */
export function OpenGroups({ region, kind, onLoaded, onMessage }: ListProps & { kind: DuplicateKind }) {
  const t = useTexts(duplicateTexts);
  const loaded = useLoad(() => duplicatesApi.groups({ region, kind }), [region, kind]);
  useEffect(() => {
    if (loaded.data) onLoaded(loaded.data);
  }, [loaded.data]);

  const decided = (group: DuplicateGroup, decision: DuplicateDecision, keepId: number | null) => {
    const data = loaded.data;
    if (data) {
      const counts = { ...data.counts, [kind]: Math.max(0, data.counts[kind] - 1), decided: data.counts.decided + 1 };
      loaded.set({ ...data, counts, groups: data.groups.filter((g) => g.id !== group.id) });
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
    // A merge archives entries other groups may hold too: the server has the current picture.
    loaded.reload();
  };

  return (
    <LoadState loaded={loaded}>
      {(data) => (
        <>
          <CountLine count={data.groups.length} />
          {data.groups.length === 0 ? (
            <p>{t(`empty_${kind}`)}</p>
          ) : (
            <ul class="dup-groups">
              {data.groups.map((group) => (
                <GroupCard key={group.id} group={group} onDecided={decided} />
              ))}
            </ul>
          )}
        </>
      )}
    </LoadState>
  );
}

/** The decided groups of both kinds, newest decision first, each with its undo (but merges). */
export function DecidedGroups({ region, onLoaded, onMessage }: ListProps) {
  const t = useTexts(duplicateTexts);
  const loaded = useLoad(() => duplicatesApi.groups({ region, show: 'decided' }), [region]);
  useEffect(() => {
    if (loaded.data) onLoaded(loaded.data);
  }, [loaded.data]);

  const undone = (group: DuplicateGroup) => {
    const data = loaded.data;
    if (data) loaded.set({ ...data, groups: data.groups.filter((g) => g.id !== group.id) });
    onMessage(t('undone', { title: leadMember(group)?.title ?? '' }));
    loaded.reload();
  };

  return (
    <LoadState loaded={loaded}>
      {(data) => {
        const groups = data.groups
          .filter((g): g is DuplicateGroup & { decision: DuplicateDecision } => g.decision !== null)
          .sort((a, b) => b.decision.at.localeCompare(a.decision.at));
        return (
          <>
            <CountLine count={groups.length} />
            {groups.length === 0 ? (
              <p>{t('empty_decided')}</p>
            ) : (
              <ul class="dup-groups">
                {groups.map((group) => (
                  <DecidedCard key={`${group.id}:${group.decision.id}`} group={group} onUndone={undone} />
                ))}
              </ul>
            )}
          </>
        );
      }}
    </LoadState>
  );
}
