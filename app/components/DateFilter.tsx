'use client';

import { useId, useRef, useState } from 'react';
import { CALENDAR_FIELD, composeRange, DATE_FIELDS, splitPastedDate, type Calendar, type DateParts } from '../../lib/ui/jalali-input';
import { carriedFields, searchHref, type UrlState } from '../../lib/ui/href';
import { useNavigation } from './Navigation';

type Edge = 'from' | 'to';

/**
 * From/to Jalali dates as year, month and day boxes (Persian or Latin digits).
 * With JavaScript it checks the dates and rewrites the URL; without, the form
 * submits the boxes and the page checks them.
 */
export function DateFilter({
  state,
  initial,
  initialCalendar = 'jalali',
  initialError,
}: {
  state: UrlState;
  initial: { from: DateParts; to: DateParts };
  initialCalendar?: Calendar;
  initialError?: { message: string; field: Edge } | null;
}) {
  const { navigate } = useNavigation();
  const [error, setError] = useState(initialError ?? null);
  const [calendar, setCalendar] = useState<Calendar>(initialCalendar);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const errorId = `${id}-error`;

  const hidden = carriedFields(state, ['from', 'to']);

  const read = (edge: Edge): DateParts => {
    const data = new FormData(form.current!);
    const f = DATE_FIELDS[edge];
    const get = (name: string) => String(data.get(name) ?? '');
    return { year: get(f.year), month: get(f.month), day: get(f.day) };
  };

  const fieldset = (edge: Edge, legend: string) => {
    const f = DATE_FIELDS[edge];
    const invalid = error?.field === edge;
    const box = (name: string, label: string, value: string, width: string, max: number, onPaste?: React.ClipboardEventHandler<HTMLInputElement>) => (
      <label className="flex flex-col gap-0.5 text-xs text-stone-600 dark:text-stone-400">
        {label}
        <input
          name={name}
          defaultValue={value}
          inputMode="numeric"
          autoComplete="off"
          maxLength={max}
          onPaste={onPaste}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          className={`${width} rounded-md border border-stone-300 bg-white px-1.5 py-1 text-center text-sm text-stone-900 aria-[invalid]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:aria-[invalid]:border-red-400`}
        />
      </label>
    );
    const parts = initial[edge];
    return (
      <fieldset className="flex items-end gap-1.5" data-testid={`date-${edge}`}>
        <legend className="mb-1 text-sm font-medium">{legend}</legend>
        {/* Room for a whole pasted date («1384/3/1»): it fills the three boxes, and without JS the page reads it whole. */}
        {box(f.year, 'سال', parts.year, 'w-16', 10, (e) => {
          const whole = splitPastedDate(e.clipboardData.getData('text'));
          if (!whole) return;
          e.preventDefault();
          const set = (n: string, v: string) => {
            const input = form.current?.querySelector<HTMLInputElement>(`[name="${n}"]`);
            if (input) input.value = v;
          };
          set(f.year, whole.year);
          set(f.month, whole.month);
          set(f.day, whole.day);
        })}
        {box(f.month, 'ماه', parts.month, 'w-11', 2)}
        {box(f.day, 'روز', parts.day, 'w-11', 2)}
      </fieldset>
    );
  };

  return (
    <form
      ref={form}
      action="/"
      method="get"
      noValidate
      aria-label="بازهٔ تاریخ"
      data-testid="date-filter"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const result = composeRange(read('from'), read('to'), calendar);
        if (!result.ok) {
          setError({ message: result.message, field: result.field });
          const first = form.current?.querySelector<HTMLInputElement>(`[name="${DATE_FIELDS[result.field].year}"]`);
          first?.focus();
          return;
        }
        setError(null);
        // The form is remade for the new dates (page.tsx keys it by them): focus goes back to the box or button used.
        const used = document.activeElement?.getAttribute('name');
        const again = used ? `[name="${used}"]` : 'button[type="submit"]';
        navigate(searchHref(state, { from: result.from ?? undefined, to: result.to ?? undefined }), {
          focus: () => document.querySelector<HTMLElement>(`form[data-testid="date-filter"] ${again}`),
        });
      }}
    >
      {hidden.map(([name, v], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
      ))}
      <fieldset className="flex items-center gap-3 text-sm" data-testid="date-calendar">
        <legend className="sr-only">تقویم</legend>
        {(
          [
            ['jalali', 'j', 'شمسی'],
            ['gregorian', 'g', 'میلادی'],
          ] as const
        ).map(([value, field, label]) => (
          <label key={value} className="flex items-center gap-1">
            <input
              type="radio"
              name={CALENDAR_FIELD}
              value={field}
              checked={calendar === value}
              onChange={() => setCalendar(value)}
              className="accent-amber-700"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-x-5 gap-y-3">
        {fieldset('from', 'از تاریخ')}
        {fieldset('to', 'تا تاریخ')}
      </div>
      <p id={errorId} role="alert" className="text-sm text-red-700 empty:hidden dark:text-red-300" data-testid="date-error">
        {error?.message ?? ''}
      </p>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-stone-800 px-3 py-1 text-sm text-white hover:bg-stone-700 dark:bg-stone-200 dark:text-stone-900 dark:hover:bg-stone-300"
        >
          اعمال تاریخ
        </button>
      </div>
      <p className="text-xs text-stone-600 dark:text-stone-400">سال به‌تنهایی، یا سال و ماه هم پذیرفته است؛ سال دورقمی (۸۴) یعنی ۱۳۸۴، و سال ۱۹۰۰ تا ۲۱۰۰ میلادی خوانده می‌شود. تاریخ کامل (۱۳۸۴/۳/۱) را می‌توان در خانهٔ سال چسباند.</p>
    </form>
  );
}
