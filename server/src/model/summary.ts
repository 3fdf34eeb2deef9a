// A file that no editor shows, kept by the workspace index as its text and the kind and namespace of each of
// its objects instead of its parsed YAML. Cross-resource rules ask for a few kinds and namespaces of a large
// workspace; a document is parsed again the first time one of its objects is asked for, and then kept. Keeping
// every parsed tree of every file was most of the time and memory of indexing (bench/README.md): nearly all of
// it survives into the old generation, and the garbage collector copies it on the way.
import { detectEol, LineIndex } from './lines';
import { documentSlices, K8sObject, ManifestFile, ParsedDocument, parseSlice, parseSource } from './manifest';

/** What indexing learns of a file: where each document is and the kind and namespace of its objects. Plain data. */
export interface FileSummary {
  documents: Array<{ offset: number; length: number; objects: Array<{ kind: string; namespace: string | undefined }> }>;
}

/**
 * Parses a text once to learn its objects, keeping none of the trees (on a worker thread of the server, or not).
 * Undefined for a text that is parsed as a whole (directives, `...` end markers): its documents cannot be parsed
 * one at a time.
 */
export function summarize(text: string): FileSummary | undefined {
  const sliced = documentSlices(parseSource(text));
  if (!sliced) return undefined;
  return {
    documents: sliced.slices.map((slice, index) => {
      const parsed = parseSlice(slice, sliced.starts[index], index);
      // As `indexedObjects`: a document with syntax problems has no objects for other files to see.
      const objects = parsed.problems.length ? [] : parsed.objects.map(o => ({ kind: o.kind, namespace: o.namespace }));
      return { offset: sliced.starts[index], length: slice.length, objects };
    }),
  };
}

export class SummarizedFile {
  readonly documents: SummarizedDocument[];
  readonly source: string;
  private manifestFile: ManifestFile | undefined;

  constructor(readonly uri: string, readonly text: string, summary: FileSummary) {
    this.source = parseSource(text);
    this.documents = summary.documents.map((d, index) => new SummarizedDocument(this, index, d.offset, d.length, d.objects));
  }

  static of(uri: string, text: string): SummarizedFile | undefined {
    const summary = summarize(text);
    return summary && new SummarizedFile(uri, text, summary);
  }

  /** The whole file, every document parsed (the ones parsed before are reused, so their objects stay the same). */
  manifest(): ManifestFile {
    this.manifestFile ??= this.fileOf(this.documents.map(d => d.parsed()));
    return this.manifestFile;
  }

  /**
   * The whole file for one analysis that keeps nothing (a report over the whole workspace): documents parsed
   * before are reused, the others are parsed for the caller only, so their trees go when it is done with them.
   */
  transientManifest(): ManifestFile {
    return this.manifestFile ?? this.fileOf(this.documents.map(d => d.parsedIfDone() ?? d.parseAgain()));
  }

  private fileOf(documents: ParsedDocument[]): ManifestFile {
    return { uri: this.uri, text: this.text, lines: new LineIndex(this.text), eol: detectEol(this.text), documents };
  }

  /** The whole file if something asked for it already. */
  parsedManifest(): ManifestFile | undefined {
    return this.manifestFile;
  }
}

export class SummarizedDocument {
  readonly objects: SummarizedObject[];
  private parsedDocument: ParsedDocument | undefined;

  constructor(
    private readonly file: SummarizedFile,
    private readonly index: number,
    private readonly offset: number,
    private readonly length: number,
    kinds: ReadonlyArray<{ kind: string; namespace: string | undefined }>,
  ) {
    this.objects = kinds.map((k, position) => new SummarizedObject(this, position, k.kind, k.namespace));
  }

  parsed(): ParsedDocument {
    this.parsedDocument ??= this.parseAgain();
    return this.parsedDocument;
  }

  /** A parse of the document that is not kept. */
  parseAgain(): ParsedDocument {
    return parseSlice(this.file.source.slice(this.offset, this.offset + this.length), this.offset, this.index);
  }

  parsedIfDone(): ParsedDocument | undefined {
    return this.parsedDocument;
  }
}

/** One object of a summarized document: its kind and namespace now, the object itself on demand. */
export class SummarizedObject {
  constructor(
    private readonly document: SummarizedDocument,
    private readonly position: number,
    readonly kind: string,
    readonly namespace: string | undefined,
  ) {}

  /**
   * The object, parsed now if it was not. Undefined only if the parse no longer yields it: `yaml` reports hitting
   * the stack limit on some pathological text, and where it hits it depends on the JIT state, so two parses of
   * the same text can differ there.
   */
  object(): K8sObject | undefined {
    const object = this.document.parsed().objects[this.position];
    return object && object.kind === this.kind && object.namespace === this.namespace ? object : undefined;
  }

  /** The object if its document was parsed already, without parsing it. */
  parsedObject(): K8sObject | undefined {
    return this.document.parsedIfDone()?.objects[this.position];
  }
}
