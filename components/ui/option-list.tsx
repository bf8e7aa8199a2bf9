/** `<option>`s for a select of records (people, departments), preceded by an optional empty choice. */
export function OptionList({ items, empty }: { items: readonly { id: number; name: string }[]; empty?: string }) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </>
  );
}
