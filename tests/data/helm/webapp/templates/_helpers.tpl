{{/* Not a manifest: quay.io/example/ignored:1 must never be found. */}}
{{- define "webapp.fullname" -}}
{{ .Release.Name }}-webapp
{{- end }}
{{- define "webapp.labels" -}}
app: webapp
image: quay.io/example/ignored:1
{{- end }}
