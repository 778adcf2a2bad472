import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { contrastRatio, minimumTextContrast, readableTextOn } from '../../../../src/core/colour-contrast.ts';
import { brandingLimits } from '../../../../src/features/registry/registry.schema.ts';
import { useBranding, useUpdateBranding } from '../../api/coalition.ts';
import { useSession } from '../../api/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The admin sets the public site's colours and logo; the contrast is shown as they choose. */
export function BrandingPage() {
  usePageTitle('Public look');
  const session = useSession().data;
  const branding = useBranding();
  const update = useUpdateBranding();
  const id = useId();
  const [primary, setPrimary] = useState('#0b5cad');
  const [accent, setAccent] = useState('#0b5cad');
  const [logo, setLogo] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!branding.data) return;
    setPrimary(branding.data.primaryColor);
    setAccent(branding.data.accentColor);
    setLogo(branding.data.logo);
  }, [branding.data]);

  if (branding.isPending) return <Loading label="Loading the public look" />;
  if (branding.isError) return <ErrorMessage error={branding.error} />;
  const accentRatio = contrastRatio(accent, '#ffffff');
  const isAdmin = session?.role === 'admin';

  const handleFile = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > brandingLimits.logoBytes) {
      setFileProblem(`The file is ${file.size} bytes; the most is ${brandingLimits.logoBytes}.`);
      return;
    }
    setLogo(await readDataUrl(file));
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ primaryColor: primary, accentColor: accent, logo });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="narrow">
      <h1 id={`${id}-title`}>Public look</h1>
      <p>
        The colours and logo of the coalition's{' '}
        <Link to={`/public/${session?.coalition.slug ?? ''}`}>public site</Link>. Links use the accent colour
        on a white page, so it must contrast at least {minimumTextContrast}:1 with white.
      </p>
      <form onSubmit={handleSubmit} className="stack-form">
        <div className="field">
          <label htmlFor={`${id}-primary`}>Header colour</label>
          <input
            id={`${id}-primary`}
            type="color"
            value={primary}
            onChange={(e) => setPrimary(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-accent`}>Accent colour (links, buttons)</label>
          <input
            id={`${id}-accent`}
            type="color"
            value={accent}
            onChange={(e) => setAccent(e.target.value)}
          />
          <p className={accentRatio >= minimumTextContrast ? 'muted' : 'field-error'}>
            Contrast with white: {accentRatio.toFixed(2)}:1
            {accentRatio >= minimumTextContrast
              ? ' (readable)'
              : ` — too light; needs ${minimumTextContrast}:1`}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-logo`}>Logo (PNG or SVG, at most 64 KB)</label>
          <input
            id={`${id}-logo`}
            type="file"
            accept="image/png,image/svg+xml"
            onChange={(e) => void handleFile(e.target.files?.[0])}
          />
          {fileProblem ? <p className="field-error">{fileProblem}</p> : null}
          {logo ? (
            <button type="button" className="secondary" onClick={() => setLogo(null)}>
              Remove the logo
            </button>
          ) : null}
        </div>
        <div
          className="brand-preview"
          style={{ background: primary, color: readableTextOn(primary), padding: '0.75rem', borderRadius: 8 }}
        >
          {logo ? (
            <img src={logo} alt="" style={{ height: '2rem', verticalAlign: 'middle', marginRight: 8 }} />
          ) : null}
          <strong>{session?.coalition.name}</strong> — preview of the public header
        </div>
        {update.isError ? <ErrorMessage error={update.error} /> : null}
        {update.isSuccess ? <p role="status">Saved: the public site now shows this look.</p> : null}
        <div>
          <button type="submit" disabled={!isAdmin || update.isPending}>
            {update.isPending ? 'Saving…' : 'Save the public look'}
          </button>
          {isAdmin ? null : <p className="muted">Only the admin may change it.</p>}
        </div>
      </form>
    </section>
  );
}
