<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConfigTreeModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>up to %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>%1
This item has validation issues.</source>
        <translation>%1
This item has validation issues.</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>release %1</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message>
        <source>update graph</source>
        <translation>update graph</translation>
    </message>
    <message>
        <source>no release content</source>
        <translation>no release content</translation>
    </message>
    <message>
        <source>every version</source>
        <translation>every version</translation>
    </message>
    <message>
        <source>latest version only</source>
        <translation>latest version only</translation>
    </message>
    <message>
        <source>full</source>
        <translation>full</translation>
    </message>
    <message>
        <source>shortest path</source>
        <translation>shortest path</translation>
    </message>
    <message numerus="yes">
        <source>%n catalog(s)</source>
        <translation>
            <numerusform>%n catalog</numerusform>
            <numerusform>%n catalogs</numerusform>
        </translation>
    </message>
    <message>
        <source>entire catalog</source>
        <translation>entire catalog</translation>
    </message>
    <message>
        <source>every package, channel heads only</source>
        <translation>every package, channel heads only</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s)</source>
        <translation>
            <numerusform>%n package</numerusform>
            <numerusform>%n packages</numerusform>
        </translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>as %1</translation>
    </message>
    <message>
        <source>all channels</source>
        <translation>all channels</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>default %1</translation>
    </message>
    <message>
        <source>channel head only</source>
        <translation>channel head only</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>to %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s)</source>
        <translation>
            <numerusform>%n pattern</numerusform>
            <numerusform>%n patterns</numerusform>
        </translation>
    </message>
    <message>
        <source>regular expression</source>
        <translation>regular expression</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n local chart(s)</source>
        <translation>
            <numerusform>%n local chart</numerusform>
            <numerusform>%n local charts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chart(s)</source>
        <translation>
            <numerusform>%n chart</numerusform>
            <numerusform>%n charts</numerusform>
        </translation>
    </message>
    <message>
        <source>latest version</source>
        <translation>latest version</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Minimum version:</source>
        <translation>Minimum version:</translation>
    </message>
    <message>
        <source>e.g. 4.18.1</source>
        <translation>e.g. 4.18.1</translation>
    </message>
    <message>
        <source>Maximum version:</source>
        <translation>Maximum version:</translation>
    </message>
    <message>
        <source>e.g. 4.18.5</source>
        <translation>e.g. 4.18.5</translation>
    </message>
    <message>
        <source>Architectures:</source>
        <translation>Architectures:</translation>
    </message>
    <message>
        <source>amd64 (default); comma-separated: amd64, arm64, ppc64le, s390x, multi</source>
        <translation>amd64 (default); comma-separated: amd64, arm64, ppc64le, s390x, multi</translation>
    </message>
    <message>
        <source>Update graph image:</source>
        <translation>Update graph image:</translation>
    </message>
    <message>
        <source>KubeVirt container:</source>
        <translation>KubeVirt container:</translation>
    </message>
    <message>
        <source>Single release:</source>
        <translation>Single release:</translation>
    </message>
    <message>
        <source>a release payload; channels are then ignored</source>
        <translation>a release payload; channels are then ignored</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>e.g. stable-4.18</source>
        <translation>e.g. stable-4.18</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Shortest upgrade path:</source>
        <translation>Shortest upgrade path:</translation>
    </message>
    <message>
        <source>Every version:</source>
        <translation>Every version:</translation>
    </message>
    <message>
        <source>Catalog image:</source>
        <translation>Catalog image:</translation>
    </message>
    <message>
        <source>registry/namespace/index:tag or oci:///path</source>
        <translation>registry/namespace/index:tag or oci:///path</translation>
    </message>
    <message>
        <source>Target catalog:</source>
        <translation>Target catalog:</translation>
    </message>
    <message>
        <source>namespace/name, no tag</source>
        <translation>namespace/name, no tag</translation>
    </message>
    <message>
        <source>Target tag:</source>
        <translation>Target tag:</translation>
    </message>
    <message>
        <source>Entire catalog:</source>
        <translation>Entire catalog:</translation>
    </message>
    <message>
        <source>Skip dependencies:</source>
        <translation>Skip dependencies:</translation>
    </message>
    <message>
        <source>CatalogSource template:</source>
        <translation>CatalogSource template:</translation>
    </message>
    <message>
        <source>path to a CatalogSource YAML</source>
        <translation>path to a CatalogSource YAML</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Package:</translation>
    </message>
    <message>
        <source>Default channel:</source>
        <translation>Default channel:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>registry/namespace/name:tag or @sha256:…</source>
        <translation>registry/namespace/name:tag or @sha256:…</translation>
    </message>
    <message>
        <source>Target repository:</source>
        <translation>Target repository:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Pattern:</translation>
    </message>
    <message>
        <source>regular expression, e.g. .*/sample-.*</source>
        <translation>regular expression, e.g. .*/sample-.*</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>Repository:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Image paths:</source>
        <translation>Image paths:</translation>
    </message>
    <message>
        <source>extra JSONPath expressions, comma-separated</source>
        <translation>extra JSONPath expressions, comma-separated</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Path:</translation>
    </message>
    <message>
        <source>folder or archive of the chart</source>
        <translation>folder or archive of the chart</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Release channel</source>
        <translation>Release channel</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Operator catalog</source>
        <translation>Operator catalog</translation>
    </message>
    <message>
        <source>Operator package</source>
        <translation>Operator package</translation>
    </message>
    <message>
        <source>Package channel</source>
        <translation>Package channel</translation>
    </message>
    <message>
        <source>Additional images</source>
        <translation>Additional images</translation>
    </message>
    <message>
        <source>Additional image</source>
        <translation>Additional image</translation>
    </message>
    <message>
        <source>Blocked images</source>
        <translation>Blocked images</translation>
    </message>
    <message>
        <source>Blocked image</source>
        <translation>Blocked image</translation>
    </message>
    <message>
        <source>Helm</source>
        <translation>Helm</translation>
    </message>
    <message>
        <source>Helm repository</source>
        <translation>Helm repository</translation>
    </message>
    <message>
        <source>Helm chart</source>
        <translation>Helm chart</translation>
    </message>
    <message>
        <source>Local Helm chart</source>
        <translation>Local Helm chart</translation>
    </message>
    <message>
        <source>OpenShift or OKD release payloads, chosen by channel and version range.</source>
        <translation>OpenShift or OKD release payloads, chosen by channel and version range.</translation>
    </message>
    <message>
        <source>Without a range only the latest version is taken; with only a maximum the range starts at the oldest version of the channel.</source>
        <translation>Without a range only the latest version is taken; with only a maximum the range starts at the oldest version of the channel.</translation>
    </message>
    <message>
        <source>Operator catalogs and the packages to take from them.</source>
        <translation>Operator catalogs and the packages to take from them.</translation>
    </message>
    <message>
        <source>Without packages every package is kept with its channel heads, or the whole catalog when &quot;Entire catalog&quot; is checked.</source>
        <translation>Without packages every package is kept with its channel heads, or the whole catalog when &quot;Entire catalog&quot; is checked.</translation>
    </message>
    <message>
        <source>Give a version range here or on the channels, never on both.</source>
        <translation>Give a version range here or on the channels, never on both.</translation>
    </message>
    <message>
        <source>Without a range only the channel head is taken.</source>
        <translation>Without a range only the channel head is taken.</translation>
    </message>
    <message>
        <source>Any other images to mirror; each needs a tag or a digest.</source>
        <translation>Any other images to mirror; each needs a tag or a digest.</translation>
    </message>
    <message>
        <source>A tag or a digest is required.</source>
        <translation>A tag or a digest is required.</translation>
    </message>
    <message>
        <source>Images whose reference matches one of these regular expressions are never mirrored.</source>
        <translation>Images whose reference matches one of these regular expressions are never mirrored.</translation>
    </message>
    <message>
        <source>Matched anywhere in the source and destination references.</source>
        <translation>Matched anywhere in the source and destination references.</translation>
    </message>
    <message>
        <source>Helm charts from repositories or local folders, and the images they use.</source>
        <translation>Helm charts from repositories or local folders, and the images they use.</translation>
    </message>
    <message>
        <source>A chart repository and the charts to take from it.</source>
        <translation>A chart repository and the charts to take from it.</translation>
    </message>
    <message>
        <source>Images are found in the rendered templates; image paths add more places to look.</source>
        <translation>Images are found in the rendered templates; image paths add more places to look.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for ferryctl</source>
        <translation>Export for ferryctl</translation>
    </message>
    <message>
        <source>The configuration was written to &lt;b&gt;%1&lt;/b&gt;. Run it headless with:</source>
        <translation>The configuration was written to &lt;b&gt;%1&lt;/b&gt;. Run it headless with:</translation>
    </message>
    <message>
        <source>Generate the delete list from a workspace</source>
        <translation>Generate the delete list from a workspace</translation>
    </message>
    <message>
        <source>Mirror to mirror (through a workspace)</source>
        <translation>Mirror to mirror (through a workspace)</translation>
    </message>
    <message>
        <source>Mirror to disk (write an archive)</source>
        <translation>Mirror to disk (write an archive)</translation>
    </message>
    <message>
        <source>Disk to mirror (from an archive)</source>
        <translation>Disk to mirror (from an archive)</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>host[:port][/namespace]</source>
        <translation>host[:port][/namespace]</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>Workflow:</translation>
    </message>
    <message>
        <source>Destination registry:</source>
        <translation>Destination registry:</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>Command line:</translation>
    </message>
    <message>
        <source>&amp;Copy Command Line</source>
        <translation>&amp;Copy Command Line</translation>
    </message>
    <message>
        <source>Archive folder:</source>
        <translation>Archive folder:</translation>
    </message>
    <message>
        <source>Archive to read:</source>
        <translation>Archive to read:</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>Workspace folder:</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Choose a Folder</translation>
    </message>
</context>
<context>
    <name>IssueListModel</name>
    <message>
        <source>Line:Col</source>
        <translation>Line:Col</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ItemDetailForm</name>
    <message>
        <source>No item selected</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <source>Select an item in the tree to edit it.</source>
        <translation>Select an item in the tree to edit it.</translation>
    </message>
    <message>
        <source>Partially checked: not set, the default applies</source>
        <translation>Partially checked: not set, the default applies</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New &amp;ImageSetConfiguration</source>
        <translation>New &amp;ImageSetConfiguration</translation>
    </message>
    <message>
        <source>Start a new configuration of what to mirror</source>
        <translation>Start a new configuration of what to mirror</translation>
    </message>
    <message>
        <source>New &amp;DeleteImageSetConfiguration</source>
        <translation>New &amp;DeleteImageSetConfiguration</translation>
    </message>
    <message>
        <source>Start a new configuration of what to delete from a mirror</source>
        <translation>Start a new configuration of what to delete from a mirror</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Export for ferryctl…</source>
        <translation>&amp;Export for ferryctl…</translation>
    </message>
    <message>
        <source>Write the YAML and show the ferryctl command line that uses it</source>
        <translation>Write the YAML and show the ferryctl command line that uses it</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add &amp;Local Helm Chart</source>
        <translation>Add &amp;Local Helm Chart</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Validate</translation>
    </message>
    <message>
        <source>Check the configuration as ferryctl would</source>
        <translation>Check the configuration as ferryctl would</translation>
    </message>
    <message>
        <source>&amp;About Ferry</source>
        <translation>&amp;About Ferry</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <source>YAML preview</source>
        <translation>YAML preview</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Issues</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n problem(s); see the issues panel.</source>
        <translation>
            <numerusform>%1 has %n problem; see the issues panel.</numerusform>
            <numerusform>%1 has %n problems; see the issues panel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#2e7d32&quot;&gt;Valid&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#2e7d32&quot;&gt;Valid&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&quot;color:#c0392b&quot;&gt;%n issue(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&quot;color:#c0392b&quot;&gt;%n issue&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&quot;color:#c0392b&quot;&gt;%n issues&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add %1</source>
        <translation>&amp;Add %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>&amp;Remove %1</source>
        <translation>&amp;Remove %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Open Configuration</source>
        <translation>Open Configuration</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML files (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>Save Failed</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation>Save Configuration</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Export for ferryctl</source>
        <translation>Export for ferryctl</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>About Ferry</source>
        <translation>About Ferry</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Mirror OpenShift releases, operator catalogs, additional images and Helm charts into disconnected registries, and delete them safely.&lt;/p&gt;&lt;p&gt;Ferry reads and writes the ImageSetConfiguration and DeleteImageSetConfiguration files of oc-mirror v2; &lt;tt&gt;ferryctl&lt;/tt&gt; runs them headless.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Mirror OpenShift releases, operator catalogs, additional images and Helm charts into disconnected registries, and delete them safely.&lt;/p&gt;&lt;p&gt;Ferry reads and writes the ImageSetConfiguration and DeleteImageSetConfiguration files of oc-mirror v2; &lt;tt&gt;ferryctl&lt;/tt&gt; runs them headless.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Ferry edits image set configurations for mirroring OpenShift content.</source>
        <translation>Ferry edits image set configurations for mirroring OpenShift content.</translation>
    </message>
    <message>
        <source>An ImageSetConfiguration or DeleteImageSetConfiguration to open.</source>
        <translation>An ImageSetConfiguration or DeleteImageSetConfiguration to open.</translation>
    </message>
</context>
</TS>
