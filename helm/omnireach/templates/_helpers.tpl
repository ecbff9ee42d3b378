{{/*
Expand the name of the chart.
*/}}
{{- define "omnireach.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name (at most 63 characters, the DNS name limit).
If the release name contains the chart name it is used as the full name.
*/}}
{{- define "omnireach.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "omnireach.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "omnireach.labels" -}}
helm.sh/chart: {{ include "omnireach.chart" . }}
{{ include "omnireach.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "omnireach.selectorLabels" -}}
app.kubernetes.io/name: {{ include "omnireach.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Where the image puts the JWT key files; OMNIREACH_JWT_KEY_DIR points here.
*/}}
{{- define "omnireach.jwtKeyDir" -}}
/opt/ol/wlp/usr/shared/omnireach-keys
{{- end }}

{{/*
Secret and key holding the database password.
*/}}
{{- define "omnireach.dbSecretName" -}}
{{- default (include "omnireach.fullname" .) .Values.database.existingSecret }}
{{- end }}

{{- define "omnireach.dbSecretKey" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecretPasswordKey }}
{{- else -}}
db-password
{{- end }}
{{- end }}

{{/*
Secret holding jwt-private.pem and jwt-public.pem. All replicas must share one key,
so the chart refuses to render without one.
*/}}
{{- define "omnireach.jwtSecretName" -}}
{{- if .Values.jwt.existingSecret }}
{{- .Values.jwt.existingSecret }}
{{- else if and .Values.jwt.privateKey .Values.jwt.publicKey }}
{{- include "omnireach.fullname" . }}
{{- else }}
{{- fail "Set jwt.existingSecret (a Secret with jwt-private.pem and jwt-public.pem) or both jwt.privateKey and jwt.publicKey: all replicas must sign with the same key. See docs/deployment.md." }}
{{- end }}
{{- end }}

{{/*
Secret holding the master key (required: the app cannot write one into its read-only key mount).
*/}}
{{- define "omnireach.masterKeySecretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if .Values.secrets.masterKey }}
{{- include "omnireach.fullname" . }}
{{- else }}
{{- fail "Set secrets.existingSecret (a Secret with the key master-key) or secrets.masterKey: 32 random bytes, base64 (openssl rand -base64 32). All replicas must share it. See docs/deployment.md." }}
{{- end }}
{{- end }}

{{/*
Secret holding the bootstrap Owner's password.
*/}}
{{- define "omnireach.ownerSecretName" -}}
{{- default (include "omnireach.fullname" .) .Values.bootstrapOwner.existingSecret }}
{{- end }}

{{/*
"true" when the chart must create its own Secret: for the database password when no
existing Secret is named, or for JWT keys, the master key or the Owner's password given inline.
*/}}
{{- define "omnireach.createSecret" -}}
{{- if or (not .Values.database.existingSecret) (and (not .Values.jwt.existingSecret) .Values.jwt.privateKey) (and (not .Values.secrets.existingSecret) .Values.secrets.masterKey) (and .Values.bootstrapOwner.email (not .Values.bootstrapOwner.existingSecret)) -}}
true
{{- end }}
{{- end }}

{{/*
The JDBC URL with the TLS settings of database.tls appended (sslmode, and sslrootcert pointing at
the mounted CA when database.tls.caSecret is set).
*/}}
{{- define "omnireach.dbUrl" -}}
{{- $url := required "database.url is required" .Values.database.url -}}
{{- $params := list -}}
{{- with .Values.database.tls.mode }}{{ $params = append $params (printf "sslmode=%s" .) }}{{ end -}}
{{- if .Values.database.tls.caSecret }}{{ $params = append $params "sslrootcert=/etc/omnireach/db-tls/ca.crt" }}{{ end -}}
{{- if $params -}}
{{- printf "%s%s%s" $url (ternary "&" "?" (contains "?" $url)) (join "&" $params) -}}
{{- else -}}
{{- $url -}}
{{- end -}}
{{- end -}}
