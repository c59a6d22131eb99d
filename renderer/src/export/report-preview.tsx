// The report as the user will share it, drawn from the document model the backend built (already
// pseudonymised). React elements only: every text is escaped by construction, nothing is parsed
// as HTML, no frame, no script. The classes match the exported HTML's, so it looks the same.
import { Fragment, type ReactNode } from 'react';
import type { InlineRun, ReportBlock, ReportDocument } from '../../../shared/report/model';

function Lines({ text }: { text: string }) {
  const parts = text.split(/\r?\n/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function Runs({ runs }: { runs: readonly InlineRun[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: ReactNode = <Lines text={run.text} />;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function Time({ time }: { time: string | null }) {
  return time === null ? null : <span className="time">{time}</span>;
}

function Block({ block, stills }: { block: ReportBlock; stills: Readonly<Record<string, string>> }) {
  switch (block.type) {
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1] ?? 'h4';
      return <Tag>{block.text}</Tag>;
    }
    case 'paragraph': {
      const lead = block.tone === 'normal' && block.runs.length > 0 && block.runs.every((r) => r.bold || r.italic);
      return (
        <p className={`tone-${block.tone}${lead ? ' lead' : ''}`}>
          <Runs runs={block.runs} />
        </p>
      );
    }
    case 'observation':
      return (
        <aside className="observation" data-testid="report-observation">
          <p className="block-head">
            <Time time={block.time} />
            <strong>{block.label}</strong>
          </p>
          <p>
            <Lines text={block.text} />
          </p>
        </aside>
      );
    case 'question':
      return (
        <div className={`question question-${block.audience}`}>
          <p>
            <Time time={block.time} />
            <span className="q-mark" aria-hidden="true">
              ?
            </span>
            <strong className="q-label">{block.label}:</strong> <Lines text={block.text} />
          </p>
        </div>
      );
    case 'transcript':
      return (
        <p className={`line${block.event ? ' event' : ''}`}>
          <Time time={block.time} />
          {block.speaker !== '' && <span className="speaker">{block.speaker}:</span>}
          {block.event ? (
            <em>
              <Lines text={block.text} />
            </em>
          ) : (
            <Lines text={block.text} />
          )}
        </p>
      );
    case 'fragment':
      return (
        <div className={`fragment fragment-${block.valenceKind}`}>
          <p className="fragment-ref">
            <strong>{block.label}:</strong> {block.reference}
            {block.title !== '' && ` — ${block.title}`}
          </p>
          <p className="fragment-meta">{[block.valence, ...block.themes].join(' · ')}</p>
          {block.note !== '' && (
            <p>
              <Lines text={block.note} />
            </p>
          )}
          {block.questions.length > 0 && (
            <ul>
              {block.questions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'feedback': {
      const body = (
        <>
          {block.label !== '' && <p className="feedback-label">{block.label}</p>}
          <p className="feedback-text">
            {block.mode === 'quote' ? '“' : ''}
            <Lines text={block.text} />
            {block.mode === 'quote' ? '”' : ''}
          </p>
          {block.attribution !== null && <p className="attribution">— {block.attribution}</p>}
        </>
      );
      return block.mode === 'quote' ? (
        <blockquote className="feedback feedback-quote">{body}</blockquote>
      ) : (
        <div className={`feedback feedback-${block.mode}`}>{body}</div>
      );
    }
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <table>
          <caption>{block.caption}</caption>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>
                    <Lines text={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'image': {
      // The still's URL comes from the backend (`/media/<recording id>/still-….jpg`); without one
      // the picture is left out, as in the exported files.
      const src = stills[block.stillId];
      if (!src) return null;
      return (
        <figure className="still" data-testid="report-still">
          <img src={src} alt={block.caption} />
          <figcaption>{block.caption}</figcaption>
        </figure>
      );
    }
    case 'page-break':
      return <div className="page-break" aria-hidden="true" />;
  }
}

export function ReportPreview({
  document,
  label,
  stills = {},
}: {
  document: ReportDocument;
  label: string;
  /** Picture URLs of the image blocks, by stillId. */
  stills?: Readonly<Record<string, string>>;
}) {
  return (
    <article className="report report-preview" aria-label={label} lang={document.lang} data-testid="report-preview">
      <header className="report-header">
        <h1>{document.title}</h1>
        {document.subtitle !== '' && <p className="subtitle">{document.subtitle}</p>}
      </header>
      {document.blocks.map((block, i) => (
        <Block key={i} block={block} stills={stills} />
      ))}
    </article>
  );
}
