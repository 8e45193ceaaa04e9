import { SecretsPage } from '@/components/secrets/secrets-page';

export default function ProjectSecretsPage() {
  return <SecretsPage />;
}
