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
