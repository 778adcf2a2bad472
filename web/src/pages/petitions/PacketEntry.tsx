import { petitionsContract } from '../../../../src/features/petitions/petitions.contract.ts';
import { useAddPacket } from '../../api/petitions.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, NumberField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

/** One packet as the contract's batch body takes it. */
const packetSchema = petitionsContract.addPackets.body.shape.packets.element;

/**
 * Packet entry for a stack of paper: the fields that change every row come first (packet, then
 * signatures), so a row is usually Tab, a number and Enter. Enter saves and puts the cursor back
 * in the packet field with the next label (the last one plus one when it ends in a number); the
 * circulator, county and day stay from the last row, since they rarely change between packets.
 */
export function PacketEntry({ driveId, defaultDay }: { driveId: string; defaultDay: string }) {
  const add = useAddPacket(driveId);
  const toast = useToast();
  const form = useSchemaForm(packetSchema, {
    defaultValues: { label: '', collectedOn: defaultDay },
    serverPath: 'packets.0',
  });
  const handleSubmit = form.handleSubmit((packet) => {
    add.mutate(packet, {
      onSuccess: () => {
        toast(`Packet ${packet.label} saved (${packet.rawCount} signatures).`);
        const next = packet.label.replace(/(\d+)$/, (n) => String(Number(n) + 1).padStart(n.length, '0'));
        // The circulator, county and day stay; only the packet and its count start again.
        form.setValue('label', next === packet.label ? '' : next);
        form.resetField('rawCount');
        form.setFocus('label', { shouldSelect: true });
      },
      onError: form.onServerError,
    });
  });
  return (
    <form onSubmit={handleSubmit} className="entry-row" aria-label="Enter a packet" noValidate>
      <TextField form={form} name="label" label="Packet" autoComplete="off" />
      <NumberField form={form} name="rawCount" label="Signatures" />
      <TextField
        form={form}
        name="circulatorName"
        label="Circulator"
        list="circulator-names"
        autoComplete="off"
      />
      <TextField form={form} name="county" label="County" autoComplete="off" />
      <TextField form={form} name="collectedOn" label="Collected on" type="date" />
      <BusyButton type="submit" busy={add.isPending}>
        Save packet
      </BusyButton>
      <FormAlert form={form} />
    </form>
  );
}
