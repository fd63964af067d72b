<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ConfigTreeModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 〜 %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 以降</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>%1 まで</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(名前なし)</translation>
    </message>
    <message>
        <source>%1
This item has validation issues.</source>
        <translation>%1
この項目には検証で見つかった問題があります。</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>リリース %1</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 個のチャネル</numerusform>
        </translation>
    </message>
    <message>
        <source>update graph</source>
        <translation>アップデートグラフ</translation>
    </message>
    <message>
        <source>no release content</source>
        <translation>リリースの指定なし</translation>
    </message>
    <message>
        <source>every version</source>
        <translation>すべてのバージョン</translation>
    </message>
    <message>
        <source>latest version only</source>
        <translation>最新バージョンのみ</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>shortest path</source>
        <translation>最短パス</translation>
    </message>
    <message numerus="yes">
        <source>%n catalog(s)</source>
        <translation>
            <numerusform>%n 個のカタログ</numerusform>
        </translation>
    </message>
    <message>
        <source>entire catalog</source>
        <translation>カタログ全体</translation>
    </message>
    <message>
        <source>every package, channel heads only</source>
        <translation>全パッケージ (各チャネルの先頭のみ)</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s)</source>
        <translation>
            <numerusform>%n 個のパッケージ</numerusform>
        </translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>%1 として</translation>
    </message>
    <message>
        <source>all channels</source>
        <translation>すべてのチャネル</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>デフォルト %1</translation>
    </message>
    <message>
        <source>channel head only</source>
        <translation>チャネルの先頭のみ</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 個のイメージ</numerusform>
        </translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>%1 へ</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s)</source>
        <translation>
            <numerusform>%n 個のパターン</numerusform>
        </translation>
    </message>
    <message>
        <source>regular expression</source>
        <translation>正規表現</translation>
    </message>
    <message numerus="yes">
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n 個のリポジトリ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n local chart(s)</source>
        <translation>
            <numerusform>%n 個のローカルチャート</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chart(s)</source>
        <translation>
            <numerusform>%n 個のチャート</numerusform>
        </translation>
    </message>
    <message>
        <source>latest version</source>
        <translation>最新バージョン</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Minimum version:</source>
        <translation>最小バージョン:</translation>
    </message>
    <message>
        <source>e.g. 4.18.1</source>
        <translation>例: 4.18.1</translation>
    </message>
    <message>
        <source>Maximum version:</source>
        <translation>最大バージョン:</translation>
    </message>
    <message>
        <source>e.g. 4.18.5</source>
        <translation>例: 4.18.5</translation>
    </message>
    <message>
        <source>Architectures:</source>
        <translation>アーキテクチャ:</translation>
    </message>
    <message>
        <source>amd64 (default); comma-separated: amd64, arm64, ppc64le, s390x, multi</source>
        <translation>amd64 (デフォルト)。カンマ区切り: amd64, arm64, ppc64le, s390x, multi</translation>
    </message>
    <message>
        <source>Update graph image:</source>
        <translation>アップデートグラフイメージ:</translation>
    </message>
    <message>
        <source>KubeVirt container:</source>
        <translation>KubeVirt コンテナー:</translation>
    </message>
    <message>
        <source>Single release:</source>
        <translation>単一リリース:</translation>
    </message>
    <message>
        <source>a release payload; channels are then ignored</source>
        <translation>リリースペイロード。指定するとチャネルは無視されます</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>チャネル:</translation>
    </message>
    <message>
        <source>e.g. stable-4.18</source>
        <translation>例: stable-4.18</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>Shortest upgrade path:</source>
        <translation>最短アップグレードパス:</translation>
    </message>
    <message>
        <source>Every version:</source>
        <translation>すべてのバージョン:</translation>
    </message>
    <message>
        <source>Catalog image:</source>
        <translation>カタログイメージ:</translation>
    </message>
    <message>
        <source>registry/namespace/index:tag or oci:///path</source>
        <translation>レジストリ/名前空間/インデックス:タグ または oci:///パス</translation>
    </message>
    <message>
        <source>Target catalog:</source>
        <translation>ターゲットカタログ:</translation>
    </message>
    <message>
        <source>namespace/name, no tag</source>
        <translation>名前空間/名前 (タグなし)</translation>
    </message>
    <message>
        <source>Target tag:</source>
        <translation>ターゲットタグ:</translation>
    </message>
    <message>
        <source>Entire catalog:</source>
        <translation>カタログ全体:</translation>
    </message>
    <message>
        <source>Skip dependencies:</source>
        <translation>依存関係をスキップ:</translation>
    </message>
    <message>
        <source>CatalogSource template:</source>
        <translation>CatalogSource テンプレート:</translation>
    </message>
    <message>
        <source>path to a CatalogSource YAML</source>
        <translation>CatalogSource YAML へのパス</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>パッケージ:</translation>
    </message>
    <message>
        <source>Default channel:</source>
        <translation>デフォルトチャネル:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>イメージ:</translation>
    </message>
    <message>
        <source>registry/namespace/name:tag or @sha256:…</source>
        <translation>レジストリ/名前空間/名前:タグ または @sha256:…</translation>
    </message>
    <message>
        <source>Target repository:</source>
        <translation>ターゲットリポジトリ:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>パターン:</translation>
    </message>
    <message>
        <source>regular expression, e.g. .*/sample-.*</source>
        <translation>正規表現 (例: .*/sample-.*)</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>リポジトリ:</translation>
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
        <translation>チャート:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <source>Image paths:</source>
        <translation>イメージパス:</translation>
    </message>
    <message>
        <source>extra JSONPath expressions, comma-separated</source>
        <translation>追加の JSONPath 式 (カンマ区切り)</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>パス:</translation>
    </message>
    <message>
        <source>folder or archive of the chart</source>
        <translation>チャートのフォルダーまたはアーカイブ</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <source>Release channel</source>
        <translation>リリースチャネル</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Operator catalog</source>
        <translation>オペレーターカタログ</translation>
    </message>
    <message>
        <source>Operator package</source>
        <translation>オペレーターパッケージ</translation>
    </message>
    <message>
        <source>Package channel</source>
        <translation>パッケージチャネル</translation>
    </message>
    <message>
        <source>Additional images</source>
        <translation>追加イメージ</translation>
    </message>
    <message>
        <source>Additional image</source>
        <translation>追加イメージ</translation>
    </message>
    <message>
        <source>Blocked images</source>
        <translation>ブロックするイメージ</translation>
    </message>
    <message>
        <source>Blocked image</source>
        <translation>ブロックするイメージ</translation>
    </message>
    <message>
        <source>Helm</source>
        <translation>Helm</translation>
    </message>
    <message>
        <source>Helm repository</source>
        <translation>Helm リポジトリ</translation>
    </message>
    <message>
        <source>Helm chart</source>
        <translation>Helm チャート</translation>
    </message>
    <message>
        <source>Local Helm chart</source>
        <translation>ローカル Helm チャート</translation>
    </message>
    <message>
        <source>OpenShift or OKD release payloads, chosen by channel and version range.</source>
        <translation>チャネルとバージョン範囲で選ぶ OpenShift または OKD のリリースペイロードです。</translation>
    </message>
    <message>
        <source>Without a range only the latest version is taken; with only a maximum the range starts at the oldest version of the channel.</source>
        <translation>範囲を指定しない場合は最新バージョンのみを取得します。最大バージョンだけを指定した場合、範囲はチャネル内の最も古いバージョンから始まります。</translation>
    </message>
    <message>
        <source>Operator catalogs and the packages to take from them.</source>
        <translation>オペレーターカタログと、そこから取得するパッケージです。</translation>
    </message>
    <message>
        <source>Without packages every package is kept with its channel heads, or the whole catalog when &quot;Entire catalog&quot; is checked.</source>
        <translation>パッケージを指定しない場合は、すべてのパッケージを各チャネルの先頭バージョンで残します。「カタログ全体」をオンにするとカタログをそのまま取得します。</translation>
    </message>
    <message>
        <source>Give a version range here or on the channels, never on both.</source>
        <translation>バージョン範囲はここかチャネルのどちらか一方で指定してください。両方には指定できません。</translation>
    </message>
    <message>
        <source>Without a range only the channel head is taken.</source>
        <translation>範囲を指定しない場合はチャネルの先頭のみを取得します。</translation>
    </message>
    <message>
        <source>Any other images to mirror; each needs a tag or a digest.</source>
        <translation>ミラーリングするその他のイメージです。それぞれにタグかダイジェストが必要です。</translation>
    </message>
    <message>
        <source>A tag or a digest is required.</source>
        <translation>タグかダイジェストが必要です。</translation>
    </message>
    <message>
        <source>Images whose reference matches one of these regular expressions are never mirrored.</source>
        <translation>参照がこれらの正規表現のいずれかに一致するイメージはミラーリングされません。</translation>
    </message>
    <message>
        <source>Matched anywhere in the source and destination references.</source>
        <translation>ソースと宛先の参照のどこに一致しても対象になります。</translation>
    </message>
    <message>
        <source>Helm charts from repositories or local folders, and the images they use.</source>
        <translation>リポジトリやローカルフォルダーの Helm チャートと、それらが使うイメージです。</translation>
    </message>
    <message>
        <source>A chart repository and the charts to take from it.</source>
        <translation>チャートリポジトリと、そこから取得するチャートです。</translation>
    </message>
    <message>
        <source>Images are found in the rendered templates; image paths add more places to look.</source>
        <translation>イメージはレンダリングされたテンプレートから検出されます。イメージパスで検索場所を追加できます。</translation>
    </message>
</context>
<context>
    <name>DeleteReviewModel</name>
    <message>
        <source>not checked yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>will delete</source>
        <translation>削除予定</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>保護</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>deleting…</source>
        <translation>削除中…</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>既に存在しない</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>left out of this execution</source>
        <translation>今回の実行から除外</translation>
    </message>
    <message>
        <source>not at the destination</source>
        <translation>宛先に存在しない</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>ダイジェスト</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>DeleteReviewWindow</name>
    <message>
        <source>Delete Images — Ferry</source>
        <translation>イメージの削除 — Ferry</translation>
    </message>
    <message>
        <source>The selection changed: check again before deleting.</source>
        <translation>選択が変更されました。削除する前に再度確認してください。</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>削除リスト</translation>
    </message>
    <message>
        <source>working-dir/delete/delete-images.yaml</source>
        <translation>working-dir/delete/delete-images.yaml</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>読み込み(&amp;L)</translation>
    </message>
    <message>
        <source>List file:</source>
        <translation>リストファイル:</translation>
    </message>
    <message>
        <source>the workspace of the mirror runs</source>
        <translation>ミラー実行のワークスペース</translation>
    </message>
    <message>
        <source>Or generate it from workspace:</source>
        <translation>またはワークスペースから生成:</translation>
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
        <translation>oc-mirror v1 が書き込んだタグを削除する (--delete-v1-images)</translation>
    </message>
    <message>
        <source>Delete signatures too (--delete-signatures)</source>
        <translation>署名も削除する (--delete-signatures)</translation>
    </message>
    <message>
        <source>&amp;Generate List</source>
        <translation>リストを生成(&amp;G)</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>registry.example.com:5000/mirror</source>
        <translation>registry.example.com:5000/mirror</translation>
    </message>
    <message>
        <source>Registry (docker://):</source>
        <translation>レジストリ (docker://):</translation>
    </message>
    <message>
        <source>Verify the registry&apos;s TLS certificate</source>
        <translation>レジストリの TLS 証明書を検証する</translation>
    </message>
    <message>
        <source>Also remove the images from the local cache (--force-cache-delete)</source>
        <translation>ローカルキャッシュからもイメージを削除する (--force-cache-delete)</translation>
    </message>
    <message>
        <source>The options changed: check again before deleting.</source>
        <translation>オプションが変更されました。削除する前に再度確認してください。</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>確認(&amp;C)</translation>
    </message>
    <message>
        <source>Ask the registry what each item is, which items other images still need, and what a garbage collection would free. Nothing is deleted.</source>
        <translation>各項目の内容、他のイメージがまだ必要とする項目、ガベージコレクションで解放される容量をレジストリに問い合わせます。何も削除されません。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%v of %m deleted</source>
        <translation>%m 件中 %v 件削除</translation>
    </message>
    <message>
        <source>The run log appears here.</source>
        <translation>実行ログがここに表示されます。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1…</source>
        <translation>
            <numerusform>%1 から %n 個のマニフェストを削除…</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a delete-images.yaml, or generate one.</source>
        <translation>delete-images.yaml を選択するか、生成してください。</translation>
    </message>
    <message>
        <source>Enter the destination registry the list was generated for (docker://R).</source>
        <translation>リストの生成対象となった宛先レジストリを入力してください (docker://R)。</translation>
    </message>
    <message>
        <source>Wait until the current step has finished.</source>
        <translation>現在のステップが終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>%1 is not a DeleteImageList</source>
        <translation>%1 は DeleteImageList ではありません</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) listed. Check them against the registry before deleting.</source>
        <translation>
            <numerusform>%n 件の項目が一覧にあります。削除する前にレジストリと照合して確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating a list needs the workspace and a DeleteImageSetConfiguration.</source>
        <translation>リストの生成にはワークスペースと DeleteImageSetConfiguration が必要です。</translation>
    </message>
    <message>
        <source>Enter the destination registry the images were mirrored to (docker://R).</source>
        <translation>イメージのミラー先の宛先レジストリを入力してください (docker://R)。</translation>
    </message>
    <message>
        <source>%1: generating a delete list needs a DeleteImageSetConfiguration</source>
        <translation>%1: 削除リストの生成には DeleteImageSetConfiguration が必要です</translation>
    </message>
    <message>
        <source>Generating the delete list from %1…</source>
        <translation>%1 から削除リストを生成しています…</translation>
    </message>
    <message>
        <source>Generating the list failed (exit code %1): see the log.</source>
        <translation>リストの生成に失敗しました (終了コード %1)。ログを確認してください。</translation>
    </message>
    <message>
        <source>Generated %1. Check it before deleting.</source>
        <translation>%1 を生成しました。削除する前に確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n item(s) against %1…</source>
        <translation>
            <numerusform>%n 件の項目を %1 と照合しています…</numerusform>
        </translation>
    </message>
    <message>
        <source>The check failed, nothing will be deleted: %1</source>
        <translation>確認に失敗したため、何も削除されません: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 will be deleted (%n manifest(s)), %2 protected, %3 skipped, %4 already gone, %5 failed, %6 left out.</source>
        <translation>
            <numerusform>削除予定 %1 件 (マニフェスト %n 個)、保護 %2 件、スキップ %3 件、既に存在しない %4 件、失敗 %5 件、除外 %6 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A garbage collection of the registry would then free about %1 (%n blob(s)).</source>
        <translation>
            <numerusform>その後レジストリのガベージコレクションで約 %1 (%n 個のブロブ) が解放されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>At most: the registry does not list its repositories.</source>
        <translation>これは上限値です: レジストリがリポジトリ一覧を提供していません。</translation>
    </message>
    <message>
        <source>No estimate of the space freed: %1</source>
        <translation>解放される容量を見積もれません: %1</translation>
    </message>
    <message>
        <source>Review the list, then delete. Execution checks each image again right before deleting it.</source>
        <translation>リストを確認してから削除してください。実行時には各イメージを削除の直前に再確認します。</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>削除するものはありません。</translation>
    </message>
    <message>
        <source>Delete Images</source>
        <translation>イメージの削除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1?</source>
        <translation>
            <numerusform>%1 から %n 個のマニフェストを削除しますか?</numerusform>
        </translation>
    </message>
    <message>
        <source>Every tag on a deleted manifest goes with it. This cannot be undone; the space returns after a garbage collection of the registry.</source>
        <translation>削除したマニフェストのタグはすべて一緒に消えます。元に戻すことはできません。容量はレジストリのガベージコレクション後に解放されます。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s)</source>
        <translation>
            <numerusform>%n 個のマニフェストを削除</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting from %1…</source>
        <translation>%1 から削除しています…</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1</source>
        <translation>何も削除されませんでした: %1</translation>
    </message>
    <message>
        <source>%1 deleted, %2 already gone, %3 protected, %4 skipped, %5 failed.</source>
        <translation>削除 %1 件、既に存在しない %2 件、保護 %3 件、スキップ %4 件、失敗 %5 件。</translation>
    </message>
    <message>
        <source>A garbage collection of the registry would now free about %1.</source>
        <translation>現在レジストリのガベージコレクションを行うと約 %1 が解放されます。</translation>
    </message>
    <message>
        <source>Local cache: %1.</source>
        <translation>ローカルキャッシュ: %1。</translation>
    </message>
    <message>
        <source>The report could not be written: see the log.</source>
        <translation>レポートを書き込めませんでした。ログを確認してください。</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>レポートを %1 に書き込みました。</translation>
    </message>
    <message>
        <source>Done. %1 Remember to run a garbage collection on the registry.</source>
        <translation>完了しました。%1 レジストリのガベージコレクションを忘れずに実行してください。</translation>
    </message>
    <message>
        <source>Some images could not be deleted. %1</source>
        <translation>一部のイメージを削除できませんでした。%1</translation>
    </message>
    <message>
        <source>Cancelling: what is being deleted finishes, the rest is left alone…</source>
        <translation>キャンセルしています: 削除中のものは最後まで処理され、残りはそのままになります…</translation>
    </message>
    <message>
        <source>Open Delete List</source>
        <translation>削除リストを開く</translation>
    </message>
    <message>
        <source>Delete lists (delete-images*.yaml);;YAML files (*.yaml *.yml)</source>
        <translation>削除リスト (delete-images*.yaml);;YAML ファイル (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Choose the Workspace</source>
        <translation>ワークスペースの選択</translation>
    </message>
    <message>
        <source>Open DeleteImageSetConfiguration</source>
        <translation>DeleteImageSetConfiguration を開く</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML ファイル (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>At most: the registry holds %1 repositories, too many to read; only the affected ones were.</source>
        <translation>これは上限値です: レジストリには %1 個のリポジトリがあり、すべてを読むには多すぎるため、影響を受けるリポジトリだけを読みました。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for ferryctl</source>
        <translation>ferryctl 用にエクスポート</translation>
    </message>
    <message>
        <source>The configuration was written to &lt;b&gt;%1&lt;/b&gt;. Run it headless with:</source>
        <translation>設定を &lt;b&gt;%1&lt;/b&gt; に書き出しました。次のコマンドで GUI なしで実行できます:</translation>
    </message>
    <message>
        <source>Generate the delete list from a workspace</source>
        <translation>ワークスペースから削除リストを生成</translation>
    </message>
    <message>
        <source>Mirror to mirror (through a workspace)</source>
        <translation>ミラーからミラーへ (ワークスペース経由)</translation>
    </message>
    <message>
        <source>Mirror to disk (write an archive)</source>
        <translation>ミラーからディスクへ (アーカイブを書き出す)</translation>
    </message>
    <message>
        <source>Disk to mirror (from an archive)</source>
        <translation>ディスクからミラーへ (アーカイブから)</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <source>host[:port][/namespace]</source>
        <translation>ホスト[:ポート][/名前空間]</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>ワークフロー:</translation>
    </message>
    <message>
        <source>Destination registry:</source>
        <translation>宛先レジストリ:</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>コマンドライン:</translation>
    </message>
    <message>
        <source>&amp;Copy Command Line</source>
        <translation>コマンドラインをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Archive folder:</source>
        <translation>アーカイブフォルダー:</translation>
    </message>
    <message>
        <source>Archive to read:</source>
        <translation>読み込むアーカイブ:</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>ワークスペースフォルダー:</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>フォルダーの選択</translation>
    </message>
</context>
<context>
    <name>IssueListModel</name>
    <message>
        <source>Line:Col</source>
        <translation>行:列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>ItemDetailForm</name>
    <message>
        <source>No item selected</source>
        <translation>項目が選択されていません</translation>
    </message>
    <message>
        <source>Select an item in the tree to edit it.</source>
        <translation>編集するにはツリーで項目を選択してください。</translation>
    </message>
    <message>
        <source>Partially checked: not set, the default applies</source>
        <translation>中間状態: 未設定 (デフォルト値が適用されます)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(デフォルト)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New &amp;ImageSetConfiguration</source>
        <translation>新しい ImageSetConfiguration(&amp;I)</translation>
    </message>
    <message>
        <source>Start a new configuration of what to mirror</source>
        <translation>ミラーリングする内容の設定を新しく作成します</translation>
    </message>
    <message>
        <source>New &amp;DeleteImageSetConfiguration</source>
        <translation>新しい DeleteImageSetConfiguration(&amp;D)</translation>
    </message>
    <message>
        <source>Start a new configuration of what to delete from a mirror</source>
        <translation>ミラーから削除する内容の設定を新しく作成します</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export for ferryctl…</source>
        <translation>ferryctl 用にエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the YAML and show the ferryctl command line that uses it</source>
        <translation>YAML を書き出し、それを使う ferryctl のコマンドラインを表示します</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Add &amp;Local Helm Chart</source>
        <translation>ローカル Helm チャートを追加(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>Check the configuration as ferryctl would</source>
        <translation>ferryctl と同じ方法で設定を検証します</translation>
    </message>
    <message>
        <source>&amp;About Ferry</source>
        <translation>Ferry について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>選択した項目</translation>
    </message>
    <message>
        <source>YAML preview</source>
        <translation>YAML プレビュー</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>問題</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n problem(s); see the issues panel.</source>
        <translation>
            <numerusform>%1 に %n 件の問題があります。問題パネルを確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#2e7d32&quot;&gt;Valid&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#2e7d32&quot;&gt;問題なし&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&quot;color:#c0392b&quot;&gt;%n issue(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&quot;color:#c0392b&quot;&gt;%n 件の問題&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add %1</source>
        <translation>%1 を追加(&amp;A)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>&amp;Remove %1</source>
        <translation>%1 を削除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 には保存されていない変更があります。保存しますか?</translation>
    </message>
    <message>
        <source>Open Configuration</source>
        <translation>設定を開く</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML ファイル (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML ファイル (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Export for ferryctl</source>
        <translation>ferryctl 用にエクスポート</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>About Ferry</source>
        <translation>Ferry について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Mirror OpenShift releases, operator catalogs, additional images and Helm charts into disconnected registries, and delete them safely.&lt;/p&gt;&lt;p&gt;Ferry reads and writes the ImageSetConfiguration and DeleteImageSetConfiguration files of oc-mirror v2; &lt;tt&gt;ferryctl&lt;/tt&gt; runs them headless.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;OpenShift のリリース、オペレーターカタログ、追加イメージ、Helm チャートを非接続環境のレジストリにミラーリングし、安全に削除します。&lt;/p&gt;&lt;p&gt;Ferry は oc-mirror v2 の ImageSetConfiguration と DeleteImageSetConfiguration ファイルを読み書きします。&lt;tt&gt;ferryctl&lt;/tt&gt; を使うと GUI なしで実行できます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Run Mirror…</source>
        <translation>ミラーを実行(&amp;R)…</translation>
    </message>
    <message>
        <source>Run Mirror</source>
        <translation>ミラーを実行</translation>
    </message>
    <message>
        <source>Review every image this configuration mirrors, then run the mirror</source>
        <translation>この構成でミラーされるすべてのイメージを確認してから、ミラーを実行します</translation>
    </message>
    <message>
        <source>&amp;Delete Images…</source>
        <translation>イメージの削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Review a delete list against the registry, then delete what may go</source>
        <translation>削除リストをレジストリと照合して確認し、削除してよいものを削除します</translation>
    </message>
    <message>
        <source>Pick on Upgrade &amp;Graph…</source>
        <translation>アップグレードグラフで選択(&amp;G)…</translation>
    </message>
    <message>
        <source>Choose the channel&apos;s version range on its real update graph</source>
        <translation>実際の更新グラフ上でチャネルのバージョン範囲を選択します</translation>
    </message>
    <message>
        <source>&amp;Mirror</source>
        <translation>ミラー(&amp;M)</translation>
    </message>
</context>
<context>
    <name>MirrorPlanModel</name>
    <message>
        <source>Pending</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>コピー中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Already present</source>
        <translation>既に存在</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>リリース</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Helm</source>
        <translation>Helm</translation>
    </message>
    <message>
        <source>nothing to copy</source>
        <translation>コピー不要</translation>
    </message>
    <message>
        <source>, %1/%2 blobs</source>
        <translation>、blob %1/%2</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>MirrorRunWindow</name>
    <message>
        <source>Run Mirror</source>
        <translation>ミラーの実行</translation>
    </message>
    <message>
        <source>Mirror to mirror (registry to registry, through a workspace)</source>
        <translation>ミラーからミラーへ (ワークスペース経由でレジストリからレジストリへ)</translation>
    </message>
    <message>
        <source>Mirror to disk (write an archive)</source>
        <translation>ミラーからディスクへ (アーカイブを書き出す)</translation>
    </message>
    <message>
        <source>Disk to mirror (from an archive to a registry)</source>
        <translation>ディスクからミラーへ (アーカイブからレジストリへ)</translation>
    </message>
    <message>
        <source>%1 (the editor&apos;s configuration, written there before each run)</source>
        <translation>%1 (エディターの構成。実行のたびにここへ書き出されます)</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <source>host[:port][/namespace]</source>
        <translation>host[:port][/namespace]</translation>
    </message>
    <message>
        <source>default: $OC_MIRROR_CACHE or $HOME</source>
        <translation>既定: $OC_MIRROR_CACHE または $HOME</translation>
    </message>
    <message>
        <source>default: $REGISTRY_AUTH_FILE, containers/auth.json or ~/.docker/config.json</source>
        <translation>既定: $REGISTRY_AUTH_FILE、containers/auth.json または ~/.docker/config.json</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>ファイルを選択</translation>
    </message>
    <message>
        <source>Choose the Credentials File</source>
        <translation>認証情報ファイルの選択</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Verify the destination&apos;s TLS certificate</source>
        <translation>宛先の TLS 証明書を検証する</translation>
    </message>
    <message>
        <source>Verify the sources&apos; TLS certificates</source>
        <translation>ソースの TLS 証明書を検証する</translation>
    </message>
    <message>
        <source>Dry run: write the mapping, copy nothing</source>
        <translation>ドライラン: マッピングのみ書き出し、何もコピーしない</translation>
    </message>
    <message>
        <source>Strict archive size</source>
        <translation>アーカイブサイズを厳密に守る</translation>
    </message>
    <message>
        <source>Fail when one file is larger than archiveSize</source>
        <translation>archiveSize より大きいファイルがあれば失敗にする</translation>
    </message>
    <message>
        <source>Only what changed since</source>
        <translation>次の日付以降の変更のみ</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>構成:</translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation>ワークフロー:</translation>
    </message>
    <message>
        <source>Destination registry:</source>
        <translation>宛先レジストリ:</translation>
    </message>
    <message>
        <source>Cache directory:</source>
        <translation>キャッシュディレクトリ:</translation>
    </message>
    <message>
        <source>Credentials file:</source>
        <translation>認証情報ファイル:</translation>
    </message>
    <message>
        <source>Parallel images:</source>
        <translation>並列イメージ数:</translation>
    </message>
    <message>
        <source>Parallel layers:</source>
        <translation>並列レイヤー数:</translation>
    </message>
    <message>
        <source>Retries per image:</source>
        <translation>イメージごとの再試行回数:</translation>
    </message>
    <message>
        <source>Max nested paths:</source>
        <translation>最大ネストパス数:</translation>
    </message>
    <message>
        <source>Log level:</source>
        <translation>ログレベル:</translation>
    </message>
    <message>
        <source>Copy ferryctl Command</source>
        <translation>ferryctl コマンドをコピー</translation>
    </message>
    <message>
        <source>The same run from a shell or a script</source>
        <translation>同じ実行をシェルやスクリプトから行うためのコマンド</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>コマンドライン:</translation>
    </message>
    <message>
        <source>Run options</source>
        <translation>実行オプション</translation>
    </message>
    <message>
        <source>1. Review Plan</source>
        <translation>1. 計画を確認</translation>
    </message>
    <message>
        <source>Discover every image the run will copy, without copying anything</source>
        <translation>何もコピーせずに、実行でコピーされるすべてのイメージを洗い出します</translation>
    </message>
    <message>
        <source>2. Start Mirroring</source>
        <translation>2. ミラーを開始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>失敗分を再試行</translation>
    </message>
    <message>
        <source>Copy again only the images that failed in the last run</source>
        <translation>前回の実行で失敗したイメージだけを再度コピーします</translation>
    </message>
    <message>
        <source>Review the plan to see every image the run will copy.</source>
        <translation>計画を確認すると、実行でコピーされるすべてのイメージが表示されます。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>コピー中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Filter by origin or destination</source>
        <translation>元または宛先で絞り込み</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>まだ実行されていません。</translation>
    </message>
    <message>
        <source>Open Cluster Resources</source>
        <translation>クラスターリソースを開く</translation>
    </message>
    <message>
        <source>IDMS, ITMS, CatalogSource and the other objects to apply to the cluster</source>
        <translation>クラスターに適用する IDMS、ITMS、CatalogSource などのオブジェクト</translation>
    </message>
    <message>
        <source>Open Mirroring Errors</source>
        <translation>ミラーエラーを開く</translation>
    </message>
    <message>
        <source>Open Log File</source>
        <translation>ログファイルを開く</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Enter the workspace folder.</source>
        <translation>ワークスペースフォルダーを入力してください。</translation>
    </message>
    <message>
        <source>Enter the folder the archive is written to.</source>
        <translation>アーカイブの書き出し先フォルダーを入力してください。</translation>
    </message>
    <message>
        <source>Enter the folder of the archive to read.</source>
        <translation>読み込むアーカイブのフォルダーを入力してください。</translation>
    </message>
    <message>
        <source>Enter the destination registry.</source>
        <translation>宛先レジストリを入力してください。</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>ワークスペースフォルダー:</translation>
    </message>
    <message>
        <source>Archive folder:</source>
        <translation>アーカイブフォルダー:</translation>
    </message>
    <message>
        <source>Archive to read:</source>
        <translation>読み込むアーカイブ:</translation>
    </message>
    <message>
        <source>The options changed since the review.</source>
        <translation>確認後にオプションが変更されました。</translation>
    </message>
    <message>
        <source>Open Archive Folder</source>
        <translation>アーカイブフォルダーを開く</translation>
    </message>
    <message>
        <source>The ferryctl command line is on the clipboard.</source>
        <translation>ferryctl のコマンドラインをクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>%1: mirroring needs an ImageSetConfiguration</source>
        <translation>%1: ミラーには ImageSetConfiguration が必要です</translation>
    </message>
    <message>
        <source>Discovering the images…</source>
        <translation>イメージを洗い出しています…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message numerus="yes">
        <source>The plan changed since it was reviewed: %n image(s) now.</source>
        <translation>
            <numerusform>確認後に計画が変わりました: 現在 %n 件のイメージです。</numerusform>
        </translation>
    </message>
    <message>
        <source>The review was cancelled.</source>
        <translation>確認はキャンセルされました。</translation>
    </message>
    <message>
        <source>Discovery found nothing to copy (exit code %1); see the log.</source>
        <translation>コピーするものが見つかりませんでした (終了コード %1)。ログを参照してください。</translation>
    </message>
    <message>
        <source>Discovery reported problems (%1); the plan shows what it found.</source>
        <translation>洗い出しで問題が報告されました (%1)。計画には見つかったものが表示されています。</translation>
    </message>
    <message>
        <source>The plan is ready.</source>
        <translation>計画の準備ができました。</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s): %1</source>
        <translation>
            <numerusform>%n 件のイメージ: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 images · %3 of %4</source>
        <translation>%1 / %2 イメージ · %4 中 %3</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>経過時間 %1</translation>
    </message>
    <message>
        <source>Exit code 0: everything was mirrored.</source>
        <translation>終了コード 0: すべてミラーされました。</translation>
    </message>
    <message>
        <source>release images failed</source>
        <translation>リリースイメージが失敗しました</translation>
    </message>
    <message>
        <source>operator images failed</source>
        <translation>オペレーターイメージが失敗しました</translation>
    </message>
    <message>
        <source>additional images failed</source>
        <translation>追加イメージが失敗しました</translation>
    </message>
    <message>
        <source>helm images failed</source>
        <translation>Helm イメージが失敗しました</translation>
    </message>
    <message>
        <source>the run failed or was stopped (see the log)</source>
        <translation>実行が失敗したか停止されました (ログを参照)</translation>
    </message>
    <message>
        <source>Exit code %1: %2.</source>
        <translation>終了コード %1: %2。</translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>実行はキャンセルされました。</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: nothing was copied. %n image(s) in the plan.</source>
        <translation>
            <numerusform>ドライラン: 何もコピーされていません。計画には %n 件のイメージがあります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mapping: %1</source>
        <translation>マッピング: %1</translation>
    </message>
    <message>
        <source>%1: %2 / %3 mirrored</source>
        <translation>%1: %3 中 %2 をミラー済み</translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation>
            <numerusform>%n 件は既に存在</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 件失敗</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not copied</source>
        <translation>
            <numerusform>%n 件未コピー</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive: %1</source>
        <translation>アーカイブ: %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>時間: %1</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>フォルダーの選択</translation>
    </message>
</context>
<context>
    <name>ReleaseGraphModel</name>
    <message>
        <source>%1 (head)</source>
        <translation>%1 (ヘッド)</translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation>ミラー対象</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <source>Updates from this release: %1, and %2 conditional ones with a known risk</source>
        <translation>このリリースからの更新: %1 件、既知のリスクがある条件付き更新 %2 件</translation>
    </message>
    <message>
        <source>Updates to this release: %1, and %2 conditional ones with a known risk</source>
        <translation>このリリースへの更新: %1 件、既知のリスクがある条件付き更新 %2 件</translation>
    </message>
    <message>
        <source>Not mirrored</source>
        <translation>ミラー対象外</translation>
    </message>
    <message>
        <source>Direct updates; in parentheses the conditional ones, which have a known risk</source>
        <translation>直接の更新数。括弧内は既知のリスクがある条件付き更新の数</translation>
    </message>
    <message>
        <source>Risks of the conditional updates that lead to this release</source>
        <translation>このリリースへの条件付き更新のリスク</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>ミラー</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Updates out</source>
        <translation>更新 (出)</translation>
    </message>
    <message>
        <source>Updates in</source>
        <translation>更新 (入)</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>リスク</translation>
    </message>
</context>
<context>
    <name>ReleaseGraphView</name>
    <message>
        <source>Upgrade graph</source>
        <translation>アップグレードグラフ</translation>
    </message>
    <message>
        <source>Click a release to use it as minimum version, shift-click to use it as maximum version. The table of versions offers the same choices.</source>
        <translation>リリースをクリックすると最小バージョン、Shift+クリックすると最大バージョンになります。バージョンの表でも同じ操作ができます。</translation>
    </message>
    <message>
        <source>No update graph loaded</source>
        <translation>更新グラフが読み込まれていません</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>ミラー対象</translation>
    </message>
    <message>
        <source>not mirrored</source>
        <translation>ミラー対象外</translation>
    </message>
    <message>
        <source>channel head</source>
        <translation>チャネルのヘッド</translation>
    </message>
    <message>
        <source>update between mirrored releases</source>
        <translation>ミラー対象リリース間の更新</translation>
    </message>
    <message>
        <source>conditional update</source>
        <translation>条件付き更新</translation>
    </message>
    <message>
        <source>shortest upgrade path</source>
        <translation>最短アップグレードパス</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>最小/最大</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Use %1 as &amp;Minimum Version</source>
        <translation>%1 を最小バージョンにする(&amp;M)</translation>
    </message>
    <message>
        <source>Use %1 as Ma&amp;ximum Version</source>
        <translation>%1 を最大バージョンにする(&amp;X)</translation>
    </message>
    <message>
        <source>Clear M&amp;inimum Version</source>
        <translation>最小バージョンを解除(&amp;I)</translation>
    </message>
    <message>
        <source>Clear Maxim&amp;um Version</source>
        <translation>最大バージョンを解除(&amp;U)</translation>
    </message>
    <message>
        <source>(channel head)</source>
        <translation>(チャネルのヘッド)</translation>
    </message>
    <message>
        <source>Mirrored: %1</source>
        <translation>ミラー対象: %1</translation>
    </message>
    <message>
        <source>Not mirrored</source>
        <translation>ミラー対象外</translation>
    </message>
    <message>
        <source>Updates from here: %1, to here: %2</source>
        <translation>ここからの更新: %1、ここへの更新: %2</translation>
    </message>
    <message>
        <source>Conditional updates to here: %1</source>
        <translation>ここへの条件付き更新: %1</translation>
    </message>
</context>
<context>
    <name>ReleasePickerDialog</name>
    <message>
        <source>Pick Releases on the Upgrade Graph</source>
        <translation>アップグレードグラフでリリースを選択</translation>
    </message>
    <message>
        <source>Update service</source>
        <translation>アップデートサービス</translation>
    </message>
    <message>
        <source>Working directory (stored graphs)</source>
        <translation>作業ディレクトリ (保存済みグラフ)</translation>
    </message>
    <message>
        <source>Graph file (Cincinnati JSON)</source>
        <translation>グラフファイル (Cincinnati JSON)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>&amp;Load Graph</source>
        <translation>グラフを読み込む(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>アーキテクチャ(&amp;A):</translation>
    </message>
    <message>
        <source>Graph s&amp;ource:</source>
        <translation>グラフの取得元(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>チャネル(&amp;C):</translation>
    </message>
    <message>
        <source>Use as &amp;Minimum Version</source>
        <translation>最小バージョンにする(&amp;M)</translation>
    </message>
    <message>
        <source>Use as Ma&amp;ximum Version</source>
        <translation>最大バージョンにする(&amp;X)</translation>
    </message>
    <message>
        <source>Use as M&amp;inimum</source>
        <translation>最小にする(&amp;I)</translation>
    </message>
    <message>
        <source>Use as Ma&amp;ximum</source>
        <translation>最大にする(&amp;X)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Versions in the channel&lt;/b&gt;</source>
        <translation>&lt;b&gt;チャネルのバージョン&lt;/b&gt;</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>&amp;Shortest upgrade path only</source>
        <translation>最短アップグレードパスのみ(&amp;S)</translation>
    </message>
    <message>
        <source>Mirror only the releases on the shortest update path from the minimum to the maximum version</source>
        <translation>最小バージョンから最大バージョンへの最短更新パス上のリリースだけをミラーします</translation>
    </message>
    <message>
        <source>&amp;Full: every release of the channel</source>
        <translation>完全(&amp;F): チャネルのすべてのリリース</translation>
    </message>
    <message>
        <source>Without minimum and maximum version: every release instead of the channel head</source>
        <translation>最小・最大バージョンがない場合、チャネルのヘッドではなくすべてのリリースを対象にします</translation>
    </message>
    <message>
        <source>Mi&amp;nimum version:</source>
        <translation>最小バージョン(&amp;N):</translation>
    </message>
    <message>
        <source>Maxi&amp;mum version:</source>
        <translation>最大バージョン(&amp;M):</translation>
    </message>
    <message>
        <source>The update service&apos;s graph endpoint. It defaults to UPDATE_URL_OVERRIDE, as for ferryctl, else to Red Hat&apos;s public service.</source>
        <translation>アップデートサービスのグラフエンドポイントです。ferryctl と同様に既定値は UPDATE_URL_OVERRIDE、未設定なら Red Hat の公開サービスです。</translation>
    </message>
    <message>
        <source>the workspace or its working-dir</source>
        <translation>ワークスペースまたはその working-dir</translation>
    </message>
    <message>
        <source>Graphs a mirror run stored under working-dir/hold-release/cincinnati-graph-data</source>
        <translation>ミラー実行が working-dir/hold-release/cincinnati-graph-data に保存したグラフ</translation>
    </message>
    <message>
        <source>a graph document saved from the update service</source>
        <translation>アップデートサービスから保存したグラフ文書</translation>
    </message>
    <message>
        <source>A Cincinnati graph document (JSON) for this channel and architecture</source>
        <translation>このチャネルとアーキテクチャの Cincinnati グラフ文書 (JSON)</translation>
    </message>
    <message>
        <source>Workspace or working-dir</source>
        <translation>ワークスペースまたは working-dir</translation>
    </message>
    <message>
        <source>Update Graph Document</source>
        <translation>更新グラフ文書</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Loading the update graph of %1 (%2)…</source>
        <translation>%1 (%2) の更新グラフを読み込んでいます…</translation>
    </message>
    <message>
        <source>The update service URL comes from UPDATE_URL_OVERRIDE.</source>
        <translation>アップデートサービスの URL は UPDATE_URL_OVERRIDE から取得しています。</translation>
    </message>
    <message>
        <source>Could not load the update graph: %1</source>
        <translation>更新グラフを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Load the graph to see the releases of the channel.</source>
        <translation>チャネルのリリースを表示するにはグラフを読み込んでください。</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) in %1 (%2).</source>
        <translation>
            <numerusform>%1 (%2) に %n 件のリリースがあります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Load the graph again to see %1 (%2).</source>
        <translation>%1 (%2) を表示するにはグラフを再度読み込んでください。</translation>
    </message>
    <message>
        <source>Minimum version &quot;%1&quot; is not a version (e.g. 4.16.5).</source>
        <translation>最小バージョン「%1」はバージョンではありません (例: 4.16.5)。</translation>
    </message>
    <message>
        <source>Maximum version &quot;%1&quot; is not a version (e.g. 4.16.20).</source>
        <translation>最大バージョン「%1」はバージョンではありません (例: 4.16.20)。</translation>
    </message>
    <message>
        <source>No graph loaded: the releases cannot be listed yet.</source>
        <translation>グラフが読み込まれていないため、まだリリースを一覧できません。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n release(s) will be mirrored&lt;/b&gt; for %1</source>
        <translation>
            <numerusform>%1 では &lt;b&gt;%n 件のリリースがミラーされます&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Minimum version %1 is not a release of this channel.</source>
        <translation>最小バージョン %1 はこのチャネルのリリースではありません。</translation>
    </message>
    <message>
        <source>Maximum version %1 is not a release of this channel.</source>
        <translation>最大バージョン %1 はこのチャネルのリリースではありません。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Ferry edits image set configurations for mirroring OpenShift content.</source>
        <translation>Ferry は OpenShift コンテンツをミラーリングするためのイメージセット設定を編集します。</translation>
    </message>
    <message>
        <source>An ImageSetConfiguration or DeleteImageSetConfiguration to open.</source>
        <translation>開く ImageSetConfiguration または DeleteImageSetConfiguration。</translation>
    </message>
</context>
</TS>
