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
    <name>DeleteReviewModel</name>
    <message>
        <source>not checked yet</source>
        <translation>not checked yet</translation>
    </message>
    <message>
        <source>will delete</source>
        <translation>will delete</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>protected</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>deleting…</source>
        <translation>deleting…</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>already gone</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>left out</translation>
    </message>
    <message>
        <source>left out of this execution</source>
        <translation>left out of this execution</translation>
    </message>
    <message>
        <source>not at the destination</source>
        <translation>not at the destination</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>DeleteReviewWindow</name>
    <message>
        <source>Delete Images — Ferry</source>
        <translation>Delete Images — Ferry</translation>
    </message>
    <message>
        <source>The selection changed: check again before deleting.</source>
        <translation>The selection changed: check again before deleting.</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Delete list</translation>
    </message>
    <message>
        <source>working-dir/delete/delete-images.yaml</source>
        <translation>working-dir/delete/delete-images.yaml</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Load</translation>
    </message>
    <message>
        <source>List file:</source>
        <translation>List file:</translation>
    </message>
    <message>
        <source>the workspace of the mirror runs</source>
        <translation>the workspace of the mirror runs</translation>
    </message>
    <message>
        <source>Or generate it from workspace:</source>
        <translation>Or generate it from workspace:</translation>
    </message>
    <message>
        <source>delete-imageset-config.yaml</source>
        <translation>delete-imageset-config.yaml</translation>
    </message>
    <message>
        <source>DeleteImageSetConfiguration:</source>
        <translation>DeleteImageSetConfiguration:</translation>
    </message>
    <message>
        <source>Delete the tags oc-mirror v1 wrote (--delete-v1-images)</source>
        <translation>Delete the tags oc-mirror v1 wrote (--delete-v1-images)</translation>
    </message>
    <message>
        <source>Delete signatures too (--delete-signatures)</source>
        <translation>Delete signatures too (--delete-signatures)</translation>
    </message>
    <message>
        <source>&amp;Generate List</source>
        <translation>&amp;Generate List</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>registry.example.com:5000/mirror</source>
        <translation>registry.example.com:5000/mirror</translation>
    </message>
    <message>
        <source>Registry (docker://):</source>
        <translation>Registry (docker://):</translation>
    </message>
    <message>
        <source>Verify the registry&apos;s TLS certificate</source>
        <translation>Verify the registry&apos;s TLS certificate</translation>
    </message>
    <message>
        <source>Also remove the images from the local cache (--force-cache-delete)</source>
        <translation>Also remove the images from the local cache (--force-cache-delete)</translation>
    </message>
    <message>
        <source>The options changed: check again before deleting.</source>
        <translation>The options changed: check again before deleting.</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Ask the registry what each item is, which items other images still need, and what a garbage collection would free. Nothing is deleted.</source>
        <translation>Ask the registry what each item is, which items other images still need, and what a garbage collection would free. Nothing is deleted.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%v of %m deleted</source>
        <translation>%v of %m deleted</translation>
    </message>
    <message>
        <source>The run log appears here.</source>
        <translation>The run log appears here.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1…</source>
        <translation>
            <numerusform>Delete %n manifest from %1…</numerusform>
            <numerusform>Delete %n manifests from %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a delete-images.yaml, or generate one.</source>
        <translation>Choose a delete-images.yaml, or generate one.</translation>
    </message>
    <message>
        <source>Enter the destination registry the list was generated for (docker://R).</source>
        <translation>Enter the destination registry the list was generated for (docker://R).</translation>
    </message>
    <message>
        <source>Wait until the current step has finished.</source>
        <translation>Wait until the current step has finished.</translation>
    </message>
    <message>
        <source>%1 is not a DeleteImageList</source>
        <translation>%1 is not a DeleteImageList</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) listed. Check them against the registry before deleting.</source>
        <translation>
            <numerusform>%n item listed. Check it against the registry before deleting.</numerusform>
            <numerusform>%n items listed. Check them against the registry before deleting.</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating a list needs the workspace and a DeleteImageSetConfiguration.</source>
        <translation>Generating a list needs the workspace and a DeleteImageSetConfiguration.</translation>
    </message>
    <message>
        <source>Enter the destination registry the images were mirrored to (docker://R).</source>
        <translation>Enter the destination registry the images were mirrored to (docker://R).</translation>
    </message>
    <message>
        <source>%1: generating a delete list needs a DeleteImageSetConfiguration</source>
        <translation>%1: generating a delete list needs a DeleteImageSetConfiguration</translation>
    </message>
    <message>
        <source>Generating the delete list from %1…</source>
        <translation>Generating the delete list from %1…</translation>
    </message>
    <message>
        <source>Generating the list failed (exit code %1): see the log.</source>
        <translation>Generating the list failed (exit code %1): see the log.</translation>
    </message>
    <message>
        <source>Generated %1. Check it before deleting.</source>
        <translation>Generated %1. Check it before deleting.</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n item(s) against %1…</source>
        <translation>
            <numerusform>Checking %n item against %1…</numerusform>
            <numerusform>Checking %n items against %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>The check failed, nothing will be deleted: %1</source>
        <translation>The check failed, nothing will be deleted: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 will be deleted (%n manifest(s)), %2 protected, %3 skipped, %4 already gone, %5 failed, %6 left out.</source>
        <translation>
            <numerusform>%1 will be deleted (%n manifest), %2 protected, %3 skipped, %4 already gone, %5 failed, %6 left out.</numerusform>
            <numerusform>%1 will be deleted (%n manifests), %2 protected, %3 skipped, %4 already gone, %5 failed, %6 left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A garbage collection of the registry would then free about %1 (%n blob(s)).</source>
        <translation>
            <numerusform>A garbage collection of the registry would then free about %1 (%n blob).</numerusform>
            <numerusform>A garbage collection of the registry would then free about %1 (%n blobs).</numerusform>
        </translation>
    </message>
    <message>
        <source>At most: the registry does not list its repositories.</source>
        <translation>At most: the registry does not list its repositories.</translation>
    </message>
    <message>
        <source>No estimate of the space freed: %1</source>
        <translation>No estimate of the space freed: %1</translation>
    </message>
    <message>
        <source>Review the list, then delete. Execution checks each image again right before deleting it.</source>
        <translation>Review the list, then delete. Execution checks each image again right before deleting it.</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>Nothing to delete.</translation>
    </message>
    <message>
        <source>Delete Images</source>
        <translation>Delete Images</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1?</source>
        <translation>
            <numerusform>Delete %n manifest from %1?</numerusform>
            <numerusform>Delete %n manifests from %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Every tag on a deleted manifest goes with it. This cannot be undone; the space returns after a garbage collection of the registry.</source>
        <translation>Every tag on a deleted manifest goes with it. This cannot be undone; the space returns after a garbage collection of the registry.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s)</source>
        <translation>
            <numerusform>Delete %n manifest</numerusform>
            <numerusform>Delete %n manifests</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting from %1…</source>
        <translation>Deleting from %1…</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1</source>
        <translation>Nothing was deleted: %1</translation>
    </message>
    <message>
        <source>%1 deleted, %2 already gone, %3 protected, %4 skipped, %5 failed.</source>
        <translation>%1 deleted, %2 already gone, %3 protected, %4 skipped, %5 failed.</translation>
    </message>
    <message>
        <source>A garbage collection of the registry would now free about %1.</source>
        <translation>A garbage collection of the registry would now free about %1.</translation>
    </message>
    <message>
        <source>Local cache: %1.</source>
        <translation>Local cache: %1.</translation>
    </message>
    <message>
        <source>The report could not be written: see the log.</source>
        <translation>The report could not be written: see the log.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>Report written to %1.</translation>
    </message>
    <message>
        <source>Done. %1 Remember to run a garbage collection on the registry.</source>
        <translation>Done. %1 Remember to run a garbage collection on the registry.</translation>
    </message>
    <message>
        <source>Some images could not be deleted. %1</source>
        <translation>Some images could not be deleted. %1</translation>
    </message>
    <message>
        <source>Cancelling: what is being deleted finishes, the rest is left alone…</source>
        <translation>Cancelling: what is being deleted finishes, the rest is left alone…</translation>
    </message>
    <message>
        <source>Open Delete List</source>
        <translation>Open Delete List</translation>
    </message>
    <message>
        <source>Delete lists (delete-images*.yaml);;YAML files (*.yaml *.yml)</source>
        <translation>Delete lists (delete-images*.yaml);;YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Choose the Workspace</source>
        <translation>Choose the Workspace</translation>
    </message>
    <message>
        <source>Open DeleteImageSetConfiguration</source>
        <translation>Open DeleteImageSetConfiguration</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>At most: the registry holds %1 repositories, too many to read; only the affected ones were.</source>
        <translation>At most: the registry holds %1 repositories, too many to read; only the affected ones were.</translation>
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
    <message>
        <source>&amp;Run Mirror…</source>
        <translation>&amp;Run Mirror…</translation>
    </message>
    <message>
        <source>Run Mirror</source>
        <translation>Run Mirror</translation>
    </message>
    <message>
        <source>Review every image this configuration mirrors, then run the mirror</source>
        <translation>Review every image this configuration mirrors, then run the mirror</translation>
    </message>
    <message>
        <source>&amp;Delete Images…</source>
        <translation>&amp;Delete Images…</translation>
    </message>
    <message>
        <source>Review a delete list against the registry, then delete what may go</source>
        <translation>Review a delete list against the registry, then delete what may go</translation>
    </message>
    <message>
        <source>Pick on Upgrade &amp;Graph…</source>
        <translation>Pick on Upgrade &amp;Graph…</translation>
    </message>
    <message>
        <source>Choose the channel&apos;s version range on its real update graph</source>
        <translation>Choose the channel&apos;s version range on its real update graph</translation>
    </message>
    <message>
        <source>&amp;Mirror</source>
        <translation>&amp;Mirror</translation>
    </message>
</context>
<context>
    <name>MirrorPlanModel</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Copying</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Already present</source>
        <translation>Already present</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>Additional</translation>
    </message>
    <message>
        <source>Helm</source>
        <translation>Helm</translation>
    </message>
    <message>
        <source>nothing to copy</source>
        <translation>nothing to copy</translation>
    </message>
    <message>
        <source>, %1/%2 blobs</source>
        <translation>, %1/%2 blobs</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>MirrorRunWindow</name>
    <message>
        <source>Run Mirror</source>
        <translation>Run Mirror</translation>
    </message>
    <message>
        <source>Mirror to mirror (registry to registry, through a workspace)</source>
        <translation>Mirror to mirror (registry to registry, through a workspace)</translation>
    </message>
    <message>
        <source>Mirror to disk (write an archive)</source>
        <translation>Mirror to disk (write an archive)</translation>
    </message>
    <message>
        <source>Disk to mirror (from an archive to a registry)</source>
        <translation>Disk to mirror (from an archive to a registry)</translation>
    </message>
    <message>
        <source>%1 (the editor&apos;s configuration, written there before each run)</source>
        <translation>%1 (the editor&apos;s configuration, written there before each run)</translation>
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
        <source>default: $OC_MIRROR_CACHE or $HOME</source>
        <translation>default: $OC_MIRROR_CACHE or $HOME</translation>
    </message>
    <message>
        <source>default: $REGISTRY_AUTH_FILE, containers/auth.json or ~/.docker/config.json</source>
        <translation>default: $REGISTRY_AUTH_FILE, containers/auth.json or ~/.docker/config.json</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>Choose the Credentials File</source>
        <translation>Choose the Credentials File</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Verify the destination&apos;s TLS certificate</source>
        <translation>Verify the destination&apos;s TLS certificate</translation>
    </message>
    <message>
        <source>Verify the sources&apos; TLS certificates</source>
        <translation>Verify the sources&apos; TLS certificates</translation>
    </message>
    <message>
        <source>Dry run: write the mapping, copy nothing</source>
        <translation>Dry run: write the mapping, copy nothing</translation>
    </message>
    <message>
        <source>Strict archive size</source>
        <translation>Strict archive size</translation>
    </message>
    <message>
        <source>Fail when one file is larger than archiveSize</source>
        <translation>Fail when one file is larger than archiveSize</translation>
    </message>
    <message>
        <source>Only what changed since</source>
        <translation>Only what changed since</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Configuration:</translation>
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
        <source>Cache directory:</source>
        <translation>Cache directory:</translation>
    </message>
    <message>
        <source>Credentials file:</source>
        <translation>Credentials file:</translation>
    </message>
    <message>
        <source>Parallel images:</source>
        <translation>Parallel images:</translation>
    </message>
    <message>
        <source>Parallel layers:</source>
        <translation>Parallel layers:</translation>
    </message>
    <message>
        <source>Retries per image:</source>
        <translation>Retries per image:</translation>
    </message>
    <message>
        <source>Max nested paths:</source>
        <translation>Max nested paths:</translation>
    </message>
    <message>
        <source>Log level:</source>
        <translation>Log level:</translation>
    </message>
    <message>
        <source>Copy ferryctl Command</source>
        <translation>Copy ferryctl Command</translation>
    </message>
    <message>
        <source>The same run from a shell or a script</source>
        <translation>The same run from a shell or a script</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>Command line:</translation>
    </message>
    <message>
        <source>Run options</source>
        <translation>Run options</translation>
    </message>
    <message>
        <source>1. Review Plan</source>
        <translation>1. Review Plan</translation>
    </message>
    <message>
        <source>Discover every image the run will copy, without copying anything</source>
        <translation>Discover every image the run will copy, without copying anything</translation>
    </message>
    <message>
        <source>2. Start Mirroring</source>
        <translation>2. Start Mirroring</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>Retry Failed</translation>
    </message>
    <message>
        <source>Copy again only the images that failed in the last run</source>
        <translation>Copy again only the images that failed in the last run</translation>
    </message>
    <message>
        <source>Review the plan to see every image the run will copy.</source>
        <translation>Review the plan to see every image the run will copy.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Copying</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Filter by origin or destination</source>
        <translation>Filter by origin or destination</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>No run yet.</translation>
    </message>
    <message>
        <source>Open Cluster Resources</source>
        <translation>Open Cluster Resources</translation>
    </message>
    <message>
        <source>IDMS, ITMS, CatalogSource and the other objects to apply to the cluster</source>
        <translation>IDMS, ITMS, CatalogSource and the other objects to apply to the cluster</translation>
    </message>
    <message>
        <source>Open Mirroring Errors</source>
        <translation>Open Mirroring Errors</translation>
    </message>
    <message>
        <source>Open Log File</source>
        <translation>Open Log File</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Enter the workspace folder.</source>
        <translation>Enter the workspace folder.</translation>
    </message>
    <message>
        <source>Enter the folder the archive is written to.</source>
        <translation>Enter the folder the archive is written to.</translation>
    </message>
    <message>
        <source>Enter the folder of the archive to read.</source>
        <translation>Enter the folder of the archive to read.</translation>
    </message>
    <message>
        <source>Enter the destination registry.</source>
        <translation>Enter the destination registry.</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>Workspace folder:</translation>
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
        <source>The options changed since the review.</source>
        <translation>The options changed since the review.</translation>
    </message>
    <message>
        <source>Open Archive Folder</source>
        <translation>Open Archive Folder</translation>
    </message>
    <message>
        <source>The ferryctl command line is on the clipboard.</source>
        <translation>The ferryctl command line is on the clipboard.</translation>
    </message>
    <message>
        <source>%1: mirroring needs an ImageSetConfiguration</source>
        <translation>%1: mirroring needs an ImageSetConfiguration</translation>
    </message>
    <message>
        <source>Discovering the images…</source>
        <translation>Discovering the images…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message numerus="yes">
        <source>The plan changed since it was reviewed: %n image(s) now.</source>
        <translation>
            <numerusform>The plan changed since it was reviewed: %n image now.</numerusform>
            <numerusform>The plan changed since it was reviewed: %n images now.</numerusform>
        </translation>
    </message>
    <message>
        <source>The review was cancelled.</source>
        <translation>The review was cancelled.</translation>
    </message>
    <message>
        <source>Discovery found nothing to copy (exit code %1); see the log.</source>
        <translation>Discovery found nothing to copy (exit code %1); see the log.</translation>
    </message>
    <message>
        <source>Discovery reported problems (%1); the plan shows what it found.</source>
        <translation>Discovery reported problems (%1); the plan shows what it found.</translation>
    </message>
    <message>
        <source>The plan is ready.</source>
        <translation>The plan is ready.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s): %1</source>
        <translation>
            <numerusform>%n image: %1</numerusform>
            <numerusform>%n images: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 images · %3 of %4</source>
        <translation>%1 / %2 images · %3 of %4</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Elapsed %1</translation>
    </message>
    <message>
        <source>Exit code 0: everything was mirrored.</source>
        <translation>Exit code 0: everything was mirrored.</translation>
    </message>
    <message>
        <source>release images failed</source>
        <translation>release images failed</translation>
    </message>
    <message>
        <source>operator images failed</source>
        <translation>operator images failed</translation>
    </message>
    <message>
        <source>additional images failed</source>
        <translation>additional images failed</translation>
    </message>
    <message>
        <source>helm images failed</source>
        <translation>helm images failed</translation>
    </message>
    <message>
        <source>the run failed or was stopped (see the log)</source>
        <translation>the run failed or was stopped (see the log)</translation>
    </message>
    <message>
        <source>Exit code %1: %2.</source>
        <translation>Exit code %1: %2.</translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>The run was cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: nothing was copied. %n image(s) in the plan.</source>
        <translation>
            <numerusform>Dry run: nothing was copied. %n image in the plan.</numerusform>
            <numerusform>Dry run: nothing was copied. %n images in the plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mapping: %1</source>
        <translation>Mapping: %1</translation>
    </message>
    <message>
        <source>%1: %2 / %3 mirrored</source>
        <translation>%1: %2 / %3 mirrored</translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation>
            <numerusform>%n already present</numerusform>
            <numerusform>%n already present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not copied</source>
        <translation>
            <numerusform>%n not copied</numerusform>
            <numerusform>%n not copied</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>Archive: %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>Errors: %1</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Choose a Folder</translation>
    </message>
</context>
<context>
    <name>ReleaseGraphModel</name>
    <message>
        <source>%1 (head)</source>
        <translation>%1 (head)</translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation>Mirrored</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>Updates from this release: %1, and %2 conditional ones with a known risk</source>
        <translation>Updates from this release: %1, and %2 conditional ones with a known risk</translation>
    </message>
    <message>
        <source>Updates to this release: %1, and %2 conditional ones with a known risk</source>
        <translation>Updates to this release: %1, and %2 conditional ones with a known risk</translation>
    </message>
    <message>
        <source>Not mirrored</source>
        <translation>Not mirrored</translation>
    </message>
    <message>
        <source>Direct updates; in parentheses the conditional ones, which have a known risk</source>
        <translation>Direct updates; in parentheses the conditional ones, which have a known risk</translation>
    </message>
    <message>
        <source>Risks of the conditional updates that lead to this release</source>
        <translation>Risks of the conditional updates that lead to this release</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Mirror</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Updates out</source>
        <translation>Updates out</translation>
    </message>
    <message>
        <source>Updates in</source>
        <translation>Updates in</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Risks</translation>
    </message>
</context>
<context>
    <name>ReleaseGraphView</name>
    <message>
        <source>Upgrade graph</source>
        <translation>Upgrade graph</translation>
    </message>
    <message>
        <source>Click a release to use it as minimum version, shift-click to use it as maximum version. The table of versions offers the same choices.</source>
        <translation>Click a release to use it as minimum version, shift-click to use it as maximum version. The table of versions offers the same choices.</translation>
    </message>
    <message>
        <source>No update graph loaded</source>
        <translation>No update graph loaded</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>mirrored</translation>
    </message>
    <message>
        <source>not mirrored</source>
        <translation>not mirrored</translation>
    </message>
    <message>
        <source>channel head</source>
        <translation>channel head</translation>
    </message>
    <message>
        <source>update between mirrored releases</source>
        <translation>update between mirrored releases</translation>
    </message>
    <message>
        <source>conditional update</source>
        <translation>conditional update</translation>
    </message>
    <message>
        <source>shortest upgrade path</source>
        <translation>shortest upgrade path</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>min/max</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>Use %1 as &amp;Minimum Version</source>
        <translation>Use %1 as &amp;Minimum Version</translation>
    </message>
    <message>
        <source>Use %1 as Ma&amp;ximum Version</source>
        <translation>Use %1 as Ma&amp;ximum Version</translation>
    </message>
    <message>
        <source>Clear M&amp;inimum Version</source>
        <translation>Clear M&amp;inimum Version</translation>
    </message>
    <message>
        <source>Clear Maxim&amp;um Version</source>
        <translation>Clear Maxim&amp;um Version</translation>
    </message>
    <message>
        <source>(channel head)</source>
        <translation>(channel head)</translation>
    </message>
    <message>
        <source>Mirrored: %1</source>
        <translation>Mirrored: %1</translation>
    </message>
    <message>
        <source>Not mirrored</source>
        <translation>Not mirrored</translation>
    </message>
    <message>
        <source>Updates from here: %1, to here: %2</source>
        <translation>Updates from here: %1, to here: %2</translation>
    </message>
    <message>
        <source>Conditional updates to here: %1</source>
        <translation>Conditional updates to here: %1</translation>
    </message>
</context>
<context>
    <name>ReleasePickerDialog</name>
    <message>
        <source>Pick Releases on the Upgrade Graph</source>
        <translation>Pick Releases on the Upgrade Graph</translation>
    </message>
    <message>
        <source>Update service</source>
        <translation>Update service</translation>
    </message>
    <message>
        <source>Working directory (stored graphs)</source>
        <translation>Working directory (stored graphs)</translation>
    </message>
    <message>
        <source>Graph file (Cincinnati JSON)</source>
        <translation>Graph file (Cincinnati JSON)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Load Graph</source>
        <translation>&amp;Load Graph</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>&amp;Architecture:</translation>
    </message>
    <message>
        <source>Graph s&amp;ource:</source>
        <translation>Graph s&amp;ource:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <source>Use as &amp;Minimum Version</source>
        <translation>Use as &amp;Minimum Version</translation>
    </message>
    <message>
        <source>Use as Ma&amp;ximum Version</source>
        <translation>Use as Ma&amp;ximum Version</translation>
    </message>
    <message>
        <source>Use as M&amp;inimum</source>
        <translation>Use as M&amp;inimum</translation>
    </message>
    <message>
        <source>Use as Ma&amp;ximum</source>
        <translation>Use as Ma&amp;ximum</translation>
    </message>
    <message>
        <source>&lt;b&gt;Versions in the channel&lt;/b&gt;</source>
        <translation>&lt;b&gt;Versions in the channel&lt;/b&gt;</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>&amp;Shortest upgrade path only</source>
        <translation>&amp;Shortest upgrade path only</translation>
    </message>
    <message>
        <source>Mirror only the releases on the shortest update path from the minimum to the maximum version</source>
        <translation>Mirror only the releases on the shortest update path from the minimum to the maximum version</translation>
    </message>
    <message>
        <source>&amp;Full: every release of the channel</source>
        <translation>&amp;Full: every release of the channel</translation>
    </message>
    <message>
        <source>Without minimum and maximum version: every release instead of the channel head</source>
        <translation>Without minimum and maximum version: every release instead of the channel head</translation>
    </message>
    <message>
        <source>Mi&amp;nimum version:</source>
        <translation>Mi&amp;nimum version:</translation>
    </message>
    <message>
        <source>Maxi&amp;mum version:</source>
        <translation>Maxi&amp;mum version:</translation>
    </message>
    <message>
        <source>The update service&apos;s graph endpoint. It defaults to UPDATE_URL_OVERRIDE, as for ferryctl, else to Red Hat&apos;s public service.</source>
        <translation>The update service&apos;s graph endpoint. It defaults to UPDATE_URL_OVERRIDE, as for ferryctl, else to Red Hat&apos;s public service.</translation>
    </message>
    <message>
        <source>the workspace or its working-dir</source>
        <translation>the workspace or its working-dir</translation>
    </message>
    <message>
        <source>Graphs a mirror run stored under working-dir/hold-release/cincinnati-graph-data</source>
        <translation>Graphs a mirror run stored under working-dir/hold-release/cincinnati-graph-data</translation>
    </message>
    <message>
        <source>a graph document saved from the update service</source>
        <translation>a graph document saved from the update service</translation>
    </message>
    <message>
        <source>A Cincinnati graph document (JSON) for this channel and architecture</source>
        <translation>A Cincinnati graph document (JSON) for this channel and architecture</translation>
    </message>
    <message>
        <source>Workspace or working-dir</source>
        <translation>Workspace or working-dir</translation>
    </message>
    <message>
        <source>Update Graph Document</source>
        <translation>Update Graph Document</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Loading the update graph of %1 (%2)…</source>
        <translation>Loading the update graph of %1 (%2)…</translation>
    </message>
    <message>
        <source>The update service URL comes from UPDATE_URL_OVERRIDE.</source>
        <translation>The update service URL comes from UPDATE_URL_OVERRIDE.</translation>
    </message>
    <message>
        <source>Could not load the update graph: %1</source>
        <translation>Could not load the update graph: %1</translation>
    </message>
    <message>
        <source>Load the graph to see the releases of the channel.</source>
        <translation>Load the graph to see the releases of the channel.</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) in %1 (%2).</source>
        <translation>
            <numerusform>%n release in %1 (%2).</numerusform>
            <numerusform>%n releases in %1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Load the graph again to see %1 (%2).</source>
        <translation>Load the graph again to see %1 (%2).</translation>
    </message>
    <message>
        <source>Minimum version &quot;%1&quot; is not a version (e.g. 4.16.5).</source>
        <translation>Minimum version &quot;%1&quot; is not a version (e.g. 4.16.5).</translation>
    </message>
    <message>
        <source>Maximum version &quot;%1&quot; is not a version (e.g. 4.16.20).</source>
        <translation>Maximum version &quot;%1&quot; is not a version (e.g. 4.16.20).</translation>
    </message>
    <message>
        <source>No graph loaded: the releases cannot be listed yet.</source>
        <translation>No graph loaded: the releases cannot be listed yet.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n release(s) will be mirrored&lt;/b&gt; for %1</source>
        <translation>
            <numerusform>&lt;b&gt;%n release will be mirrored&lt;/b&gt; for %1</numerusform>
            <numerusform>&lt;b&gt;%n releases will be mirrored&lt;/b&gt; for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Minimum version %1 is not a release of this channel.</source>
        <translation>Minimum version %1 is not a release of this channel.</translation>
    </message>
    <message>
        <source>Maximum version %1 is not a release of this channel.</source>
        <translation>Maximum version %1 is not a release of this channel.</translation>
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
