/** The platform's Ed25519 signer lives in @app/common (events and audit anchors sign with the same key). */
export {
  jwkThumbprint,
  RecordSigner,
  SIGNATURE_ALGORITHM,
  verifySignature,
  type PublicSigningKey,
} from '@app/common';
