/**
 * The form names are matched in: accents and case dropped, punctuation and runs of space
 * folded to one space. "Oleksandr  Syrskyi", "oleksandr syrskyi" and "Oleksándr Syrskyi."
 * are one speaker; transliteration variants ("Syrsky") match only as recorded aliases.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
