import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** Small count or marker shown after the label, such as the number of headers. */
  badge?: string;
}

interface TabsProps<T extends string> {
  /** Accessible name of the tab list, such as "Request sections". */
  label: string;
  tabs: ReadonlyArray<TabItem<T>>;
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
  /** Content shown at the end of the tab row, such as a toggle. */
  actions?: ReactNode;
}

/** Renders WAI-ARIA tabs. Arrow keys, Home and End move between tabs, and only the selected panel is rendered. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children, actions }: TabsProps<T>) {
  const baseId = useId();
  const tabRefs = useRef(new Map<T, HTMLButtonElement>());

  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (tab === undefined) {
      return;
    }
    onSelect(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) {
      return;
    }
    event.preventDefault();
    focusTab(target);
  };

  return (
    <div className="tabs">
      <div className="tabs__bar">
        <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
          {tabs.map((tab) => {
            const isSelected = tab.id === selected;
            return (
              <button
                key={tab.id}
                ref={(element) => {
                  if (element === null) {
                    tabRefs.current.delete(tab.id);
                  } else {
                    tabRefs.current.set(tab.id, element);
                  }
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${tab.id}`}
                aria-selected={isSelected}
                aria-controls={isSelected ? `${baseId}-panel` : undefined}
                tabIndex={isSelected ? 0 : -1}
                className="tabs__tab"
                onClick={() => onSelect(tab.id)}
              >
                {tab.label}
                {tab.badge === undefined ? null : <span className="tabs__badge" aria-hidden="true">{tab.badge}</span>}
              </button>
            );
          })}
        </div>
        {actions === undefined ? null : <div className="tabs__actions">{actions}</div>}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${selected}`} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
