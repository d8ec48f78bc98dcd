package cloud.quazzar.partner.testkit.generators;

import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Tier;

/**
 * One step of a generated registry script. Indices pick an existing partner or client of the
 * script (modulo how many exist), so every script is meaningful whatever its order.
 */
public sealed interface RegistryOp {
  /** Adds a partner. */
  record AddPartner(NewPartner request) implements RegistryOp {}

  /** Adds a client to the partner at {@code partner} (modulo). */
  record AddClient(int partner, NewClient request) implements RegistryOp {}

  /** Sets the server count of the client at {@code client} (modulo). */
  record SetServerCount(int client, long servers) implements RegistryOp {}

  /** Renames the client at {@code client} (modulo). */
  record RenameClient(int client, String name) implements RegistryOp {}

  /** Removes the client at {@code client} (modulo). */
  record RemoveClient(int client) implements RegistryOp {}

  /** Moves the partner at {@code partner} (modulo) to {@code tier}. */
  record ChangeTier(int partner, Tier tier) implements RegistryOp {}

  /** Replaces the contact details of the partner at {@code partner} (modulo). */
  record UpdateContact(int partner, String companyName, String contactEmail) implements RegistryOp {}

  /** Deactivates the partner at {@code partner} (modulo). */
  record Deactivate(int partner) implements RegistryOp {}

  /** Reactivates the partner at {@code partner} (modulo). */
  record Reactivate(int partner) implements RegistryOp {}
}
