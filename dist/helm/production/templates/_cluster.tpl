{{- define "blacklist.cluster" -}}
{{- $clusters := list "prod-eu-west-1" "prod-us-east-1" -}}
{{- if not (has .Values.cluster $clusters) -}}
{{- fail (printf "values: cluster: %q is not allowed; one of: prod-eu-west-1, prod-us-east-1 (helm template -f values-<cluster>.yaml)" .Values.cluster) -}}
{{- end -}}
{{- .Values.cluster -}}
{{- end -}}
