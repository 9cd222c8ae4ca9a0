// Sets of articles that are made and dropped many times a query: "article d
// is in set m" is `marks[d] === m`, and a new set is a new number, so no
// array of the archive's size is cleared per query.

export class DocMarks {
  /** The set each article was last put in; hot loops read it directly (`marks[docId] === set`). */
  readonly marks: Int32Array;
  private last = 0;

  constructor(size: number) {
    this.marks = new Int32Array(size);
  }

  /** A new, empty set. */
  fresh(): number {
    // A long-running server would reach 2^31 sets: start over from a cleared array.
    if (this.last === 0x7fffffff) {
      this.marks.fill(0);
      this.last = 0;
    }
    return ++this.last;
  }

  add(docId: number, set: number): void {
    this.marks[docId] = set;
  }

  has(docId: number, set: number): boolean {
    return this.marks[docId] === set;
  }
}
