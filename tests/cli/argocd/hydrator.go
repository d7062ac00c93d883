// What Argo CD's commit server writes for a hydration (commitserver/commit/hydratorhelper.go,
// WriteForPaths), with the parts it needs copied from argoproj/argo-cd at 37ee0097cf85
// (2026-08-22, Apache-2.0): HydratorCommitMetadata (util/hydrator/hydrator.go),
// DefaultManifestHydrationReadmeTemplate (util/settings/settings.go), gitAttributesContents,
// writeMetadata, writeReadme, writeManifests. Changed only where a dependency is not in
// Debian's Go packages: os.Root is a folder path; Sprig's functions are absent (the default
// template calls them only for references, which a hydration without a dry commit's
// trailers has none of); unstructured.Unstructured's JSON decoding is json.Decoder with
// UseNumber (integers stay integers, as unstructured keeps them); go.yaml.in/yaml/v3 is
// its earlier import path gopkg.in/yaml.v3. HasFileChanged is taken as true (a new branch).
//
// Input (stdin): {"repoURL", "drySha", "paths": [{"path", "commands", "manifests": [JSON object, ...]}]}.
// Output: the files, under the folder argv[1].
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/template"

	"gopkg.in/yaml.v3"
)

const gitAttributesContents = `**/README.md linguist-generated=true
**/hydrator.metadata linguist-generated=true`

var DefaultManifestHydrationReadmeTemplate = `# Manifest Hydration

To hydrate the manifests in this repository, run the following commands:

` + "```shell" + `
git clone {{ .RepoURL }}
# cd into the cloned directory
git checkout {{ .DrySHA }}
{{ range $command := .Commands -}}
{{ $command }}
{{ end -}}` + "```" + `
{{ if .References -}}

## References

{{ range $ref := .References -}}
{{ if $ref.Commit -}}
* [{{ $ref.Commit.SHA | mustRegexFind "[0-9a-f]+" | trunc 7 }}]({{ $ref.Commit.RepoURL }}): {{ $ref.Commit.Subject }} ({{ $ref.Commit.Author }})
{{ end -}}
{{ end -}}
{{ end -}}`

type HydratorCommitMetadata struct {
	RepoURL    string   `json:"repoURL,omitempty"`
	DrySHA     string   `json:"drySha,omitempty"`
	Commands   []string `json:"commands,omitempty"`
	Author     string   `json:"author,omitempty"`
	Date       string   `json:"date,omitempty"`
	Subject    string   `json:"subject,omitempty"`
	Body       string   `json:"body,omitempty"`
	References []any    `json:"references,omitempty"`
}

type pathDetails struct {
	Path      string            `json:"path"`
	Commands  []string          `json:"commands"`
	Manifests []json.RawMessage `json:"manifests"`
}

type request struct {
	RepoURL string        `json:"repoURL"`
	DrySHA  string        `json:"drySha"`
	Paths   []pathDetails `json:"paths"`
}

func writeMetadata(root, dirPath string, metadata HydratorCommitMetadata) error {
	f, err := os.Create(filepath.Join(root, dirPath, "hydrator.metadata"))
	if err != nil {
		return err
	}
	defer f.Close()
	e := json.NewEncoder(f)
	e.SetIndent("", "  ")
	e.SetEscapeHTML(false)
	return e.Encode(metadata)
}

func writeReadme(root, dirPath string, metadata HydratorCommitMetadata) error {
	stub := func(args ...any) any { return "" }
	readmeTemplate, err := template.New("readme").Funcs(template.FuncMap{"mustRegexFind": stub, "trunc": stub}).Parse(DefaultManifestHydrationReadmeTemplate)
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(root, dirPath, "README.md"))
	if err != nil {
		return err
	}
	defer f.Close()
	return readmeTemplate.Execute(f, metadata)
}

func writeManifests(root, dirPath string, manifests []json.RawMessage) error {
	file, err := os.OpenFile(filepath.Join(root, dirPath, "manifest.yaml"), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.ModePerm)
	if err != nil {
		return err
	}
	defer file.Close()
	enc := yaml.NewEncoder(file)
	defer enc.Close()
	enc.SetIndent(2)
	for _, m := range manifests {
		var obj map[string]any
		decoder := json.NewDecoder(bytes.NewReader(m))
		decoder.UseNumber()
		if err := decoder.Decode(&obj); err != nil {
			return err
		}
		if err := enc.Encode(numbers(obj)); err != nil {
			return err
		}
	}
	return nil
}

// numbers turns json.Number into int64 (or float64), as unstructured's decoding does.
func numbers(value any) any {
	switch v := value.(type) {
	case map[string]any:
		for key, item := range v {
			v[key] = numbers(item)
		}
		return v
	case []any:
		for i, item := range v {
			v[i] = numbers(item)
		}
		return v
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	}
	return value
}

func run() error {
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		return err
	}
	root := os.Args[1]
	if err := writeMetadata(root, "", HydratorCommitMetadata{RepoURL: req.RepoURL, DrySHA: req.DrySHA}); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(root, ".gitattributes"), []byte(gitAttributesContents), 0o644); err != nil {
		return err
	}
	for _, p := range req.Paths {
		if err := os.MkdirAll(filepath.Join(root, p.Path), 0o755); err != nil {
			return err
		}
		if err := writeManifests(root, p.Path, p.Manifests); err != nil {
			return err
		}
		metadata := HydratorCommitMetadata{Commands: p.Commands, DrySHA: req.DrySHA, RepoURL: req.RepoURL}
		if err := writeMetadata(root, p.Path, metadata); err != nil {
			return err
		}
		if err := writeReadme(root, p.Path, metadata); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
