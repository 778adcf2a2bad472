import { useId, useState } from 'react';
import { useController } from 'react-hook-form';
import { Link } from 'react-router';
import { contrastRatio, minimumTextContrast, readableTextOn } from '../../../../src/core/colour-contrast.ts';
import { registryContract } from '../../../../src/features/registry/registry.contract.ts';
import { brandingLimits } from '../../../../src/features/registry/registry.schema.ts';
import { useBranding, useUpdateBranding } from '../../api/coalition.ts';
import { useSession } from '../../api/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

type Branding = NonNullable<ReturnType<typeof useBranding>['data']>;

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
  const id = useId();

  if (branding.isPending) return <Loading label="Loading the public look" />;
  if (branding.isError) return <ErrorMessage error={branding.error} />;
  return (
    <section aria-labelledby={`${id}-title`} className="narrow">
      <h1 id={`${id}-title`}>Public look</h1>
      <p>
        The colours and logo of the coalition's{' '}
        <Link to={`/public/${session?.coalition.slug ?? ''}`}>public site</Link>. Links use the accent colour
        on a white page, so it must contrast at least {minimumTextContrast}:1 with white.
      </p>
      <BrandingForm
        branding={branding.data}
        isAdmin={session?.role === 'admin'}
        coalitionName={session?.coalition.name}
      />
    </section>
  );
}

function BrandingForm({
  branding,
  isAdmin,
  coalitionName,
}: {
  branding: Branding;
  isAdmin: boolean;
  coalitionName: string | undefined;
}) {
  const id = useId();
  const toast = useToast();
  const update = useUpdateBranding();
  const form = useSchemaForm(registryContract.updateBranding.body, {
    defaultValues: {
      primaryColor: branding.primaryColor,
      accentColor: branding.accentColor,
      logo: branding.logo,
    },
  });
  const logo = useController({ control: form.control, name: 'logo' }).field;
  const [primary, accent] = form.watch(['primaryColor', 'accentColor']);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const accentRatio = contrastRatio(accent, '#ffffff');
  const readable = accentRatio >= minimumTextContrast;

  const handleFile = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > brandingLimits.logoBytes) {
      setFileProblem(`The file is ${file.size} bytes; the most is ${brandingLimits.logoBytes}.`);
      return;
    }
    logo.onChange(await readDataUrl(file));
  };
  const handleSubmit = form.handleSubmit((input) => {
    update.mutate(input, {
      onSuccess: () => toast('Saved: the public site now shows this look.'),
      onError: form.onServerError,
    });
  });

  return (
    <form onSubmit={handleSubmit} className="stack-form" noValidate>
      <TextField form={form} name="primaryColor" label="Header colour" type="color" />
      <TextField
        form={form}
        name="accentColor"
        label="Accent colour (links, buttons)"
        type="color"
        hint={
          <span className={readable ? undefined : 'bad-text'}>
            Contrast with white: {accentRatio.toFixed(2)}:1
            {readable ? ' (readable)' : ` — too light; needs ${minimumTextContrast}:1`}
          </span>
        }
      />
      <div className="field">
        <label htmlFor={`${id}-logo`}>Logo (PNG or SVG, at most 64 KB)</label>
        <input
          id={`${id}-logo`}
          type="file"
          accept="image/png,image/svg+xml"
          onChange={(e) => void handleFile(e.target.files?.[0])}
        />
        {fileProblem ? <p className="field-error">{fileProblem}</p> : null}
        {form.formState.errors.logo?.message ? (
          <p className="field-error">{form.formState.errors.logo.message}</p>
        ) : null}
        {logo.value ? (
          <button type="button" className="secondary" onClick={() => logo.onChange(null)}>
            Remove the logo
          </button>
        ) : null}
      </div>
      <div
        className="brand-preview"
        style={{ background: primary, color: readableTextOn(primary), padding: '0.75rem', borderRadius: 8 }}
      >
        {logo.value ? (
          <img src={logo.value} alt="" style={{ height: '2rem', verticalAlign: 'middle', marginRight: 8 }} />
        ) : null}
        <strong>{coalitionName}</strong> — preview of the public header
      </div>
      <FormAlert form={form} />
      <div>
        <button type="submit" disabled={!isAdmin || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save the public look'}
        </button>
        {isAdmin ? null : <p className="muted">Only the admin may change it.</p>}
      </div>
    </form>
  );
}
