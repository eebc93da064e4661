<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Cloudcraft::Ui::AboutDialog</name>
    <message>
        <source>Qt %1 · QtKeychain %2 · librsvg %3</source>
        <translation>Qt %1 · QtKeychain %2 · librsvg %3</translation>
    </message>
    <message>
        <source>About Cloudcraft Desktop</source>
        <translation>Über Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Application icon</source>
        <translation>Anwendungssymbol</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Cloudcraft Desktop %1&lt;/h2&gt;&lt;p&gt;Browse, inspect and present the architecture diagrams of your Cloudcraft workspace.&lt;/p&gt;&lt;p&gt;Built with %2.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Cloudcraft Desktop %1&lt;/h2&gt;&lt;p&gt;Die Architekturdiagramme Ihres Cloudcraft-Arbeitsbereichs durchsuchen, prüfen und präsentieren.&lt;/p&gt;&lt;p&gt;Erstellt mit %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::AccountController</name>
    <message>
        <source>Not available offline: this region was not scanned before the connection was lost.</source>
        <translation>Offline nicht verfügbar: Diese Region wurde nicht gescannt, bevor die Verbindung abbrach.</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) downloaded</source>
        <translation>
            <numerusform>%n Region heruntergeladen</numerusform>
            <numerusform>%n Regionen heruntergeladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CacheSettingsPage</name>
    <message>
        <source>&amp;Clear cache</source>
        <translation>Cache &amp;leeren</translation>
    </message>
    <message>
        <source>Cache settings</source>
        <translation>Cache-Einstellungen</translation>
    </message>
    <message>
        <source>Diagram renders and the lists of your blueprints and accounts are kept on this computer, so looking at them again is instant, spends no export budget and works offline. Each profile has its own cache.</source>
        <translation>Gerenderte Diagramme und die Listen Ihrer Blueprints und Konten werden auf diesem Computer aufbewahrt: Erneutes Ansehen geht sofort, verbraucht kein Exportbudget und funktioniert offline. Jedes Profil hat seinen eigenen Cache.</translation>
    </message>
    <message>
        <source>About the cache</source>
        <translation>Über den Cache</translation>
    </message>
    <message>
        <source>Disk space used by the cache</source>
        <translation>Vom Cache belegter Speicherplatz</translation>
    </message>
    <message>
        <source>Cache folder</source>
        <translation>Cache-Ordner</translation>
    </message>
    <message>
        <source>Cache size limit</source>
        <translation>Größenbegrenzung des Caches</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Above this size the renders looked at least recently are removed first.</source>
        <translation>Oberhalb dieser Größe werden zuerst die am längsten nicht angesehenen Renderings entfernt.</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Remove every cached render and list of this profile; they are fetched again when needed.</source>
        <translation>Alle zwischengespeicherten Renderings und Listen dieses Profils entfernen; sie werden bei Bedarf neu geladen.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Grenze:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Nothing cached yet (sign in first).</source>
        <translation>Noch nichts zwischengespeichert (melden Sie sich zuerst an).</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n item(s)</source>
        <translation>
            <numerusform>%1 in %n Eintrag</numerusform>
            <numerusform>%1 in %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cleared %1.</source>
        <translation>%1 freigegeben.</translation>
    </message>
    <message>
        <source>The cache could not be cleared completely: %1</source>
        <translation>Der Cache konnte nicht vollständig geleert werden: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ChangeListPanel</name>
    <message>
        <source>Change counts</source>
        <translation>Anzahl der Änderungen</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Changed regions</source>
        <translation>Geänderte Bereiche</translation>
    </message>
    <message>
        <source>Changed regions, largest first. N and P walk through them.</source>
        <translation>Geänderte Bereiche, die größten zuerst. Mit N und P gehen Sie sie durch.</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>Identical: not one pixel differs.</source>
        <translation>Identisch: Kein einziges Pixel unterscheidet sich.</translation>
    </message>
    <message numerus="yes">
        <source>%1 different (%2 % of %3 compared) in %n region(s).</source>
        <translation>
            <numerusform>%1 abweichend (%2 % von %3 verglichenen) in %n Bereich.</numerusform>
            <numerusform>%1 abweichend (%2 % von %3 verglichenen) in %n Bereichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The size changed.</source>
        <translation>Die Größe hat sich geändert.</translation>
    </message>
    <message>
        <source>Resources: %1 added, %2 removed, %3 changed, %4 moved.</source>
        <translation>Ressourcen: %1 hinzugefügt, %2 entfernt, %3 geändert, %4 verschoben.</translation>
    </message>
    <message>
        <source>%1.  %2   %3×%4 at %5, %6</source>
        <translation>%1.  %2   %3×%4 bei %5, %6</translation>
    </message>
    <message>
        <source>Comparing… %1</source>
        <translation>Wird verglichen… %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CompareCanvas</name>
    <message>
        <source>Before image</source>
        <translation>Vorher-Bild</translation>
    </message>
    <message>
        <source>After image</source>
        <translation>Nachher-Bild</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Nothing to compare yet.</source>
        <translation>Noch nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>The difference is being computed…</source>
        <translation>Die Differenz wird berechnet…</translation>
    </message>
    <message>
        <source>Preparing the images…</source>
        <translation>Die Bilder werden vorbereitet…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CompareExportDialog</name>
    <message>
        <source>Export Compare</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Anordnung</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Die Datei wählen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Anordnung:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CompareLauncher</name>
    <message>
        <source>The link %1 cannot be opened: %2.</source>
        <translation>Der Link %1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>it is not a valid URL</source>
        <translation>er ist keine gültige URL</translation>
    </message>
    <message>
        <source>it does not start with %1://</source>
        <translation>er beginnt nicht mit %1://</translation>
    </message>
    <message>
        <source>only %1://compare links are understood</source>
        <translation>nur %1://compare-Links werden verstanden</translation>
    </message>
    <message>
        <source>it has parts a compare link never has</source>
        <translation>er enthält Teile, die ein Vergleichslink nie hat</translation>
    </message>
    <message>
        <source>it does not name the two sides (a= and b=)</source>
        <translation>er nennt die beiden Seiten nicht (a= und b=)</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; has no value</source>
        <translation>der Parameter „%1“ hat keinen Wert</translation>
    </message>
    <message>
        <source>only the parameters a and b are allowed, each once</source>
        <translation>nur die Parameter a und b sind erlaubt, jeweils einmal</translation>
    </message>
    <message>
        <source>it does not name both sides (a= and b=)</source>
        <translation>er nennt nicht beide Seiten (a= und b=)</translation>
    </message>
    <message>
        <source>a side may not start with &apos;-&apos;</source>
        <translation>eine Seite darf nicht mit „-“ beginnen</translation>
    </message>
    <message>
        <source>a side contains control characters</source>
        <translation>eine Seite enthält Steuerzeichen</translation>
    </message>
    <message>
        <source>Use the profile &lt;name&gt;.</source>
        <translation>Das Profil &lt;name&gt; verwenden.</translation>
    </message>
    <message>
        <source>Talk to the API at &lt;url&gt; (https only).</source>
        <translation>Die API unter &lt;url&gt; ansprechen (nur https).</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in &lt;file&gt;.</source>
        <translation>Zusätzlich den CA-Zertifikaten in &lt;file&gt; vertrauen.</translation>
    </message>
    <message>
        <source>Once the first result is shown, save one PNG per mode in &lt;dir&gt;, then quit.</source>
        <translation>Sobald das erste Ergebnis angezeigt wird, je Modus ein PNG in &lt;dir&gt; speichern und dann beenden.</translation>
    </message>
    <message>
        <source>Show the user interface in &lt;language&gt;.</source>
        <translation>Die Benutzeroberfläche in &lt;language&gt; anzeigen.</translation>
    </message>
    <message>
        <source>Usage: cloudcraft-desktop compare A B [--screenshots DIR], where A and B are files or references such as snapshot:&lt;id&gt; or blueprint:&lt;id&gt;.</source>
        <translation>Aufruf: cloudcraft-desktop compare A B [--screenshots DIR], wobei A und B Dateien oder Verweise wie snapshot:&lt;id&gt; oder blueprint:&lt;id&gt; sind.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name.</source>
        <translation>„%1“ ist kein gültiger Profilname.</translation>
    </message>
    <message>
        <source>A side of the compare is empty: give a file or a reference such as snapshot:&lt;id&gt;.</source>
        <translation>Eine Seite des Vergleichs ist leer: Geben Sie eine Datei oder einen Verweis wie snapshot:&lt;id&gt; an.</translation>
    </message>
    <message>
        <source>%1 names no %2: write it as %3.</source>
        <translation>%1 nennt keine %2-Kennung: Schreiben Sie es als %3.</translation>
    </message>
    <message>
        <source>%1: &quot;%2:&quot; is not a kind of reference the compare knows; use a file or %3.</source>
        <translation>%1: „%2:“ ist keine Verweisart, die der Vergleich kennt; verwenden Sie eine Datei oder %3.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>No compare result within 120 s; no screenshots were written.</source>
        <translation>Kein Vergleichsergebnis innerhalb von 120 s; es wurden keine Screenshots geschrieben.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CompareLauncher::ScreenshotRun</name>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CompareView</name>
    <message>
        <source>Compare view</source>
        <translation>Vergleichsansicht</translation>
    </message>
    <message>
        <source>Compare modes</source>
        <translation>Vergleichsmodi</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Both images next to each other, zoomed and panned together</source>
        <translation>Beide Bilder nebeneinander, gemeinsam gezoomt und verschoben</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>Wischen</translation>
    </message>
    <message>
        <source>Before left of a divider you drag, after right of it</source>
        <translation>Vorher links einer verschiebbaren Trennlinie, nachher rechts davon</translation>
    </message>
    <message>
        <source>Onion skin</source>
        <translation>Zwiebelschicht</translation>
    </message>
    <message>
        <source>After over before, with an opacity slider</source>
        <translation>Nachher über vorher, mit einem Regler für die Deckkraft</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>Blinken</translation>
    </message>
    <message>
        <source>Before and after in turn (B or Space, or play)</source>
        <translation>Vorher und nachher im Wechsel (B oder Leertaste, oder Abspielen)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Changed pixels in colour over the faded after-image</source>
        <translation>Geänderte Pixel farbig über dem verblassten Nachher-Bild</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the images to the window (F, Ctrl+0)</source>
        <translation>Die Bilder an das Fenster anpassen (F, Strg+0)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>One image pixel to one screen pixel (Ctrl+1)</source>
        <translation>Ein Bildpixel pro Bildschirmpixel (Strg+1)</translation>
    </message>
    <message>
        <source>Opacity of after:</source>
        <translation>Deckkraft von Nachher:</translation>
    </message>
    <message>
        <source>Opacity of the after image</source>
        <translation>Deckkraft des Nachher-Bilds</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Alternate before and after automatically</source>
        <translation>Vorher und nachher automatisch abwechseln</translation>
    </message>
    <message>
        <source>Image shown</source>
        <translation>Angezeigtes Bild</translation>
    </message>
    <message>
        <source>Difference legend</source>
        <translation>Legende der Differenz</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>%1 added (darker in after)  %2 removed (lighter in after)</source>
        <translation>%1 hinzugefügt (im Nachher-Bild dunkler)  %2 entfernt (im Nachher-Bild heller)</translation>
    </message>
    <message>
        <source>Showing: Before</source>
        <translation>Angezeigt: Vorher</translation>
    </message>
    <message>
        <source>Showing: After</source>
        <translation>Angezeigt: Nachher</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CompareWindow</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Compared diagrams</source>
        <translation>Verglichene Diagramme</translation>
    </message>
    <message>
        <source>Comparing</source>
        <translation>Vergleich läuft</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>How different a pixel must be to count as changed (0 = any difference, 1 = none)</source>
        <translation>Wie stark ein Pixel abweichen muss, um als geändert zu gelten (0 = jede Abweichung, 1 = keine)</translation>
    </message>
    <message>
        <source>Include anti-aliasing</source>
        <translation>Kantenglättung einbeziehen</translation>
    </message>
    <message>
        <source>Count anti-aliased edge pixels as changes</source>
        <translation>Geglättete Kantenpixel als Änderungen zählen</translation>
    </message>
    <message>
        <source>Draw Ignore Regions</source>
        <translation>Ignorierbereiche zeichnen</translation>
    </message>
    <message>
        <source>Drag on the picture to mark areas whose changes do not count (a clock, a timestamp); they are kept for this blueprint or account</source>
        <translation>Ziehen Sie auf dem Bild, um Bereiche zu markieren, deren Änderungen nicht zählen (eine Uhr, ein Zeitstempel); sie bleiben für diesen Blueprint bzw. dieses Konto gespeichert</translation>
    </message>
    <message>
        <source>Clear Ignore Regions</source>
        <translation>Ignorierbereiche entfernen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the compare as a PNG or PDF for slides (Ctrl+E)</source>
        <translation>Den Vergleich als PNG oder PDF für Folien exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the compare as one picture (Ctrl+C)</source>
        <translation>Den Vergleich als ein einziges Bild kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Full screen for a room: Space shows before/after, arrows walk the changes, Esc leaves (F5)</source>
        <translation>Vollbild für den Besprechungsraum: Leertaste zeigt vorher/nachher, Pfeiltasten gehen die Änderungen durch, Esc beendet (F5)</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Leave Presentation</source>
        <translation>Präsentation beenden</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>%1 → %2 — Compare</source>
        <translation>%1 → %2 — Vergleich</translation>
    </message>
    <message>
        <source>%1 and %2 cannot be loaded: this window was opened without references.</source>
        <translation>%1 und %2 können nicht geladen werden: Dieses Fenster wurde ohne Verweise geöffnet.</translation>
    </message>
    <message>
        <source>Loading %1 and %2…</source>
        <translation>%1 und %2 werden geladen…</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>The two pictures are identical.</source>
        <translation>Die beiden Bilder sind identisch.</translation>
    </message>
    <message>
        <source>N and P walk through the changes; drag to pan, Ctrl+wheel zooms.</source>
        <translation>Mit N und P gehen Sie die Änderungen durch; Ziehen verschiebt, Strg+Mausrad zoomt.</translation>
    </message>
    <message>
        <source>Change %1 of %2: %3</source>
        <translation>Änderung %1 von %2: %3</translation>
    </message>
    <message>
        <source>Where %1 is drawn is not known for these pictures.</source>
        <translation>Für diese Bilder ist nicht bekannt, wo %1 gezeichnet ist.</translation>
    </message>
    <message>
        <source>Showing %1.</source>
        <translation>%1 wird angezeigt.</translation>
    </message>
    <message>
        <source>Drag on the picture to mark an area whose changes do not count.</source>
        <translation>Ziehen Sie auf dem Bild, um einen Bereich zu markieren, dessen Änderungen nicht zählen.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <source>Nothing to copy yet: the compare has no pictures.</source>
        <translation>Noch nichts zu kopieren: Der Vergleich hat keine Bilder.</translation>
    </message>
    <message>
        <source>Copied the compare (%1×%2) to the clipboard.</source>
        <translation>Vergleich (%1×%2) in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Before: %1   After: %2</source>
        <translation>Vorher: %1   Nachher: %2</translation>
    </message>
    <message>
        <source>Before: %1
After: %2</source>
        <translation>Vorher: %1
Nachher: %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportController</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the selected blueprints as PNG, SVG, PDF, draw.io, JSON or budget</source>
        <translation>Die gewählten Blueprints als PNG, SVG, PDF, draw.io, JSON oder Budget exportieren</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy the previewed diagram as an image and as a PNG file</source>
        <translation>Das angezeigte Diagramm als Bild und als PNG-Datei kopieren</translation>
    </message>
    <message>
        <source>Sign in to export blueprints.</source>
        <translation>Melden Sie sich an, um Blueprints zu exportieren.</translation>
    </message>
    <message>
        <source>Select one or more blueprints to export.</source>
        <translation>Wählen Sie einen oder mehrere Blueprints zum Exportieren.</translation>
    </message>
    <message>
        <source>Diagram copied as an image and as a PNG file: paste it into your slides or a folder.</source>
        <translation>Diagramm als Bild und als PNG-Datei kopiert: Fügen Sie es in Ihre Folien oder einen Ordner ein.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportDefaultsPage</name>
    <message>
        <source>Default export options</source>
        <translation>Standard-Exportoptionen</translation>
    </message>
    <message>
        <source>The export dialog starts with these options for profile &quot;%1&quot;; each export remembers the options it used.</source>
        <translation>Der Exportdialog beginnt für das Profil „%1“ mit diesen Optionen; jeder Export merkt sich die verwendeten Optionen.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>„%1“ exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Export %n blueprint(s)</source>
        <translation>
            <numerusform>%n Blueprint exportieren</numerusform>
            <numerusform>%n Blueprints exportieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiterer</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n blueprint(s): %1</source>
        <translation>
            <numerusform>%n Blueprint wird exportiert: %1</numerusform>
            <numerusform>%n Blueprints werden exportiert: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>Speichern &amp;in:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>Den Zielordner wählen</translation>
    </message>
    <message>
        <source>Choose a folder to save the files in.</source>
        <translation>Wählen Sie einen Ordner, in dem die Dateien gespeichert werden.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportOptionsWidget</name>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>As drawn</source>
        <translation>Wie gezeichnet</translation>
    </message>
    <message>
        <source>1920 px wide (Full HD)</source>
        <translation>1920 px breit (Full HD)</translation>
    </message>
    <message>
        <source>3840 px wide (4K)</source>
        <translation>3840 px breit (4K)</translation>
    </message>
    <message>
        <source>7680 px wide (8K)</source>
        <translation>7680 px breit (8K)</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>Eigene Größe</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>Breite in Pixeln</translation>
    </message>
    <message>
        <source>Height in pixels</source>
        <translation>Höhe in Pixeln</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>&amp;Transparent background</source>
        <translation>&amp;Transparenter Hintergrund</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>Transparenter Hintergrund</translation>
    </message>
    <message>
        <source>Show the &amp;grid</source>
        <translation>&amp;Raster anzeigen</translation>
    </message>
    <message>
        <source>Show the grid</source>
        <translation>Raster anzeigen</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>&amp;Querformat</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>Vorlage für Dateinamen</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Platzhalter: %1</translation>
    </message>
    <message>
        <source>Example file name</source>
        <translation>Beispiel-Dateiname</translation>
    </message>
    <message>
        <source>When a file exists</source>
        <translation>Wenn eine Datei existiert</translation>
    </message>
    <message>
        <source>Overwrite it</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Keep both (add a number)</source>
        <translation>Beide behalten (Nummer anhängen)</translation>
    </message>
    <message>
        <source>Skip the item</source>
        <translation>Element überspringen</translation>
    </message>
    <message>
        <source>A file with exactly the same content is never rewritten.</source>
        <translation>Eine Datei mit genau gleichem Inhalt wird nie neu geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>Custom si&amp;ze:</source>
        <translation>Eigene Grö&amp;ße:</translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation>S&amp;kalierung:</translation>
    </message>
    <message>
        <source>&amp;Paper (PDF):</source>
        <translation>&amp;Papier (PDF):</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Datei&amp;name:</translation>
    </message>
    <message>
        <source>If the file &amp;exists:</source>
        <translation>Wenn die Datei &amp;existiert:</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG-Vektorbild</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>draw.io diagram (mxGraph)</source>
        <translation>draw.io-Diagramm (mxGraph)</translation>
    </message>
    <message>
        <source>JSON document</source>
        <translation>JSON-Dokument</translation>
    </message>
    <message>
        <source>Budget (CSV)</source>
        <translation>Budget (CSV)</translation>
    </message>
    <message>
        <source>Blueprint name</source>
        <translation>Blueprint-Name</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Unknown placeholder(s) kept as typed: %1</source>
        <translation>Unbekannte Platzhalter wie eingegeben übernommen: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportProgressView</name>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <source>Exported items</source>
        <translation>Exportierte Elemente</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>Blueprint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Export budget wait</source>
        <translation>Warten auf Exportbudget</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Exportübersicht</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Waiting for the export budget</source>
        <translation>Wartet auf das Exportbudget</translation>
    </message>
    <message>
        <source>Exporting… %1 %</source>
        <translation>Wird exportiert… %1 %</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Skipped: unchanged</source>
        <translation>Übersprungen: unverändert</translation>
    </message>
    <message>
        <source>Skipped: the file exists</source>
        <translation>Übersprungen: Datei existiert</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s) done</source>
        <translation>
            <numerusform>%1 von %n Element erledigt</numerusform>
            <numerusform>%1 von %n Elementen erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Next export allowed in %1 s (Cloudcraft allows a few exports a minute).</source>
        <translation>Nächster Export in %1 s möglich (Cloudcraft erlaubt nur wenige Exporte pro Minute).</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n geschrieben</numerusform>
            <numerusform>%n geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk is full: free some space and export again; previous files were kept.</source>
        <translation>Der Datenträger ist voll: Geben Sie Speicherplatz frei und exportieren Sie erneut; vorhandene Dateien wurden behalten.</translation>
    </message>
    <message>
        <source>Export cancelled: %1</source>
        <translation>Export abgebrochen: %1</translation>
    </message>
    <message>
        <source>Export finished: %1</source>
        <translation>Export abgeschlossen: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::GeneralSettingsPage</name>
    <message>
        <source>General settings</source>
        <translation>Allgemeine Einstellungen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Reopen with the last window layout and selected blueprint</source>
        <translation>Mit der letzten Fensteranordnung und dem zuletzt gewählten Blueprint &amp;öffnen</translation>
    </message>
    <message>
        <source>Reopen with the last window layout and selected blueprint</source>
        <translation>Mit der letzten Fensteranordnung und dem zuletzt gewählten Blueprint öffnen</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Take a &amp;snapshot when a blueprint changed</source>
        <translation>Einen S&amp;napshot erstellen, wenn sich ein Blueprint geändert hat</translation>
    </message>
    <message>
        <source>Take a snapshot when a blueprint changed</source>
        <translation>Einen Snapshot erstellen, wenn sich ein Blueprint geändert hat</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ImportController</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Convert a Terraform state or plan, a CloudFormation template or a draw.io file into a blueprint</source>
        <translation>Einen Terraform-State oder -Plan, eine CloudFormation-Vorlage oder eine draw.io-Datei in einen Blueprint umwandeln</translation>
    </message>
    <message>
        <source>Infrastructure descriptions (*.tfstate *.json *.yaml *.yml *.template *.drawio *.xml);;All files (*)</source>
        <translation>Infrastrukturbeschreibungen (*.tfstate *.json *.yaml *.yml *.template *.drawio *.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ImportDialog</name>
    <message>
        <source>%1 cannot be converted: this build has no converters.</source>
        <translation>%1 kann nicht umgewandelt werden: Dieser Build enthält keine Konverter.</translation>
    </message>
    <message>
        <source>Import a diagram</source>
        <translation>Ein Diagramm importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Schematic preview of the converted diagram</source>
        <translation>Schematische Vorschau des umgewandelten Diagramms</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Resource types with no Cloudcraft component:</source>
        <translation>Ressourcentypen ohne Cloudcraft-Komponente:</translation>
    </message>
    <message>
        <source>Unmapped resource types</source>
        <translation>Nicht zugeordnete Ressourcentypen</translation>
    </message>
    <message>
        <source>&amp;Keep unmapped resources as generic blocks</source>
        <translation>Nicht zugeordnete Ressourcen als generische Blöcke &amp;behalten</translation>
    </message>
    <message>
        <source>Keep unmapped resources as generic blocks</source>
        <translation>Nicht zugeordnete Ressourcen als generische Blöcke behalten</translation>
    </message>
    <message>
        <source>Blueprint name</source>
        <translation>Blueprint-Name</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>production, terraform</source>
        <translation>production, terraform</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Importstatus</translation>
    </message>
    <message>
        <source>&amp;Upload to Cloudcraft</source>
        <translation>In Cloudcraft &amp;hochladen</translation>
    </message>
    <message>
        <source>Upload to Cloudcraft</source>
        <translation>In Cloudcraft hochladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Converting %1…</source>
        <translation>%1 wird umgewandelt…</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>%1 × %2 — kept as generic blocks</source>
        <translation>%1 × %2 — als generische Blöcke behalten</translation>
    </message>
    <message>
        <source>%1 × %2 — left out</source>
        <translation>%1 × %2 — ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n Komponente</numerusform>
            <numerusform>%n Komponenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) of unmapped types</source>
        <translation>
            <numerusform>%n Ressource eines nicht zugeordneten Typs</numerusform>
            <numerusform>%n Ressourcen nicht zugeordneter Typen</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the blueprint a name before uploading.</source>
        <translation>Geben Sie dem Blueprint vor dem Hochladen einen Namen.</translation>
    </message>
    <message>
        <source>Sign in to upload the blueprint to Cloudcraft.</source>
        <translation>Melden Sie sich an, um den Blueprint in Cloudcraft hochzuladen.</translation>
    </message>
    <message>
        <source>Uploading “%1”…</source>
        <translation>„%1“ wird hochgeladen…</translation>
    </message>
    <message>
        <source>Upload cancelled; nothing was created.</source>
        <translation>Hochladen abgebrochen; es wurde nichts erstellt.</translation>
    </message>
    <message>
        <source>Uploaded “%1”.</source>
        <translation>„%1“ hochgeladen.</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Hochladen abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) folded into what they configure</source>
        <translation>
            <numerusform>%n Konfigurationsressource mit ihrem Ziel zusammengefasst</numerusform>
            <numerusform>%n Konfigurationsressourcen mit ihren Zielen zusammengefasst</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::InspectorPanel</name>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Resources by type</source>
        <translation>Ressourcen nach Typ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Resources status</source>
        <translation>Status der Ressourcen</translation>
    </message>
    <message>
        <source>Select a blueprint or an account to see its details.</source>
        <translation>Wählen Sie einen Blueprint oder ein Konto, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Region to scan</source>
        <translation>Zu scannende Region</translation>
    </message>
    <message>
        <source>Scan region</source>
        <translation>Region scannen</translation>
    </message>
    <message>
        <source>Asks Cloudcraft for a live inventory of the region (counts as an export).</source>
        <translation>Fragt Cloudcraft nach dem aktuellen Bestand der Region (zählt als Export).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>Blueprint</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <source>Loading resources…</source>
        <translation>Ressourcen werden geladen…</translation>
    </message>
    <message>
        <source>No resources.</source>
        <translation>Keine Ressourcen.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in %1 types</source>
        <translation>
            <numerusform>%n Element in %1 Typen</numerusform>
            <numerusform>%n Elemente in %1 Typen</numerusform>
        </translation>
    </message>
    <message>
        <source>Live inventory</source>
        <translation>Aktueller Bestand</translation>
    </message>
    <message>
        <source>Choose a region and scan it to see what runs there.</source>
        <translation>Wählen Sie eine Region und scannen Sie sie, um zu sehen, was dort läuft.</translation>
    </message>
    <message>
        <source>AWS account</source>
        <translation>AWS-Konto</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>Rollen-ARN</translation>
    </message>
    <message>
        <source>Azure subscription</source>
        <translation>Azure-Abonnement</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Region of %1</source>
        <translation>Region von %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Scanning %1…</source>
        <translation>%1 wird gescannt…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::InventoryDialog</name>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Download inventory of %1</source>
        <translation>Bestand von %1 herunterladen</translation>
    </message>
    <message>
        <source>Regions to include</source>
        <translation>Einzubeziehende Regionen</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>Den Zielordner wählen</translation>
    </message>
    <message>
        <source>Download the inventory</source>
        <translation>Den Bestand herunterladen</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Den Download abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Progress per region</source>
        <translation>Fortschritt je Region</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Regionen:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Tick at least one region.</source>
        <translation>Wählen Sie mindestens eine Region aus.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Cancelled; the regions already downloaded are kept.</source>
        <translation>Abgebrochen; die bereits heruntergeladenen Regionen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Not in this account</source>
        <translation>Nicht in diesem Konto</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) in %1 region(s): %2.</source>
        <translation>
            <numerusform>%n Ressource in %1 Region(en): %2.</numerusform>
            <numerusform>%n Ressourcen in %1 Region(en): %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Could not write %1: %2. The previous file, if any, was kept.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Eine eventuell vorhandene frühere Datei wurde behalten.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::MainWindow</name>
    <message>
        <source>Cloudcraft Desktop</source>
        <translation>Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Main areas</source>
        <translation>Hauptbereiche</translation>
    </message>
    <message>
        <source>Loading your blueprints and accounts…</source>
        <translation>Ihre Blueprints und Konten werden geladen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Switch to</source>
        <translation>&amp;Wechseln zu</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>Profil &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Replace API key…</source>
        <translation>API-Schlüssel &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out of profile &quot;%1&quot; and remove its API key from this computer?</source>
        <translation>Vom Profil „%1“ abmelden und seinen API-Schlüssel von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;inspector</source>
        <translation>&amp;Inspektor anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>&amp;About Cloudcraft Desktop</source>
        <translation>Ü&amp;ber Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new profile (letters, digits, dots, dashes):</source>
        <translation>Name des neuen Profils (Buchstaben, Ziffern, Punkte, Bindestriche):</translation>
    </message>
    <message>
        <source>Cloudcraft Desktop — %1</source>
        <translation>Cloudcraft Desktop — %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Preview and timeline</source>
        <translation>Vorschau und Zeitleiste</translation>
    </message>
    <message>
        <source>Preview as &amp;PNG</source>
        <translation>Vorschau als &amp;PNG</translation>
    </message>
    <message>
        <source>Preview as S&amp;VG</source>
        <translation>Vorschau als &amp;SVG</translation>
    </message>
    <message>
        <source>&amp;Snapshot</source>
        <translation>&amp;Snapshot</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Download inventory…</source>
        <translation>Bestand &amp;herunterladen…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::NavigatorPanel</name>
    <message>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter by name, tag or id</source>
        <translation>Nach Name, Tag oder ID filtern</translation>
    </message>
    <message>
        <source>Group blueprints</source>
        <translation>Blueprints gruppieren</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>Nach Team</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Sort blueprints</source>
        <translation>Blueprints sortieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Blueprints</source>
        <translation>Blueprints</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Verknüpfte Konten</translation>
    </message>
    <message>
        <source>Blueprints and accounts</source>
        <translation>Blueprints und Konten</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::OfflineBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline icon</source>
        <translation>Offline-Symbol</translation>
    </message>
    <message>
        <source>You are offline. Showing what was fetched before; we&apos;ll reconnect by itself.</source>
        <translation>Sie sind offline. Angezeigt wird, was zuvor geladen wurde; die Verbindung wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Offline-Hinweis</translation>
    </message>
    <message>
        <source>Next connection attempt</source>
        <translation>Nächster Verbindungsversuch</translation>
    </message>
    <message>
        <source>Try to reach the server now</source>
        <translation>Jetzt versuchen, den Server zu erreichen</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbindung wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n s</source>
        <translation>
            <numerusform>Nächster Versuch in %n s</numerusform>
            <numerusform>Nächster Versuch in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::PreviewController</name>
    <message>
        <source>Select a blueprint to see it here.</source>
        <translation>Wählen Sie einen Blueprint, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Not available offline.

“%1” was not opened before the connection was lost; it will show here once we are back online.</source>
        <translation>Offline nicht verfügbar.

„%1“ wurde nicht geöffnet, bevor die Verbindung abbrach; es erscheint hier, sobald wir wieder online sind.</translation>
    </message>
    <message>
        <source>Rendering %1… (next export slot in %2 s)</source>
        <translation>%1 wird gerendert… (nächster Export möglich in %2 s)</translation>
    </message>
    <message>
        <source>Rendering %1…</source>
        <translation>%1 wird gerendert…</translation>
    </message>
    <message>
        <source>Not available offline.</source>
        <translation>Offline nicht verfügbar.</translation>
    </message>
    <message>
        <source>Local sketch of %1 · the Cloudcraft render is on its way…</source>
        <translation>Lokale Skizze von %1 · das Cloudcraft-Rendering ist unterwegs…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::PreviewDragSource</name>
    <message>
        <source>Drag the diagram out</source>
        <translation>Diagramm herausziehen</translation>
    </message>
    <message>
        <source>Drag this into a file manager or a slide to drop the diagram as a PNG file (or Ctrl+drag the image).</source>
        <translation>Ziehen Sie dies in einen Dateimanager oder auf eine Folie, um das Diagramm als PNG-Datei abzulegen (oder ziehen Sie das Bild mit Strg).</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Ziehen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::PreviewView</name>
    <message>
        <source>Diagram preview</source>
        <translation>Diagrammvorschau</translation>
    </message>
    <message>
        <source>Loading the preview</source>
        <translation>Vorschau wird geladen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ProfilesSettingsPage</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>A profile is one Cloudcraft account or API endpoint with its own API key. Keys are kept in your system keychain, never in a file.</source>
        <translation>Ein Profil ist ein Cloudcraft-Konto oder API-Endpunkt mit eigenem API-Schlüssel. Schlüssel werden im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Ein Profil hinzufügen</translation>
    </message>
    <message>
        <source>S&amp;witch to</source>
        <translation>&amp;Wechseln zu</translation>
    </message>
    <message>
        <source>Switch to this profile</source>
        <translation>Zu diesem Profil wechseln</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out of this profile</source>
        <translation>Von diesem Profil abmelden</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove this profile</source>
        <translation>Dieses Profil entfernen</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Key saved</source>
        <translation>Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>Switch to another profile before removing this one.</source>
        <translation>Wechseln Sie zu einem anderen Profil, bevor Sie dieses entfernen.</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new profile (letters, digits, dots, dashes):</source>
        <translation>Name des neuen Profils (Buchstaben, Ziffern, Punkte, Bindestriche):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a profile name: use letters, digits, dots and dashes.</source>
        <translation>„%1“ kann kein Profilname sein: Verwenden Sie Buchstaben, Ziffern, Punkte und Bindestriche.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out of profile &quot;%1&quot; and remove its API key from this computer?</source>
        <translation>Vom Profil „%1“ abmelden und seinen API-Schlüssel von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove profile &quot;%1&quot;? Its API key is removed from this computer too; the Cloudcraft account itself is not touched.</source>
        <translation>Profil „%1“ entfernen? Sein API-Schlüssel wird ebenfalls von diesem Computer entfernt; das Cloudcraft-Konto selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SessionController</name>
    <message>
        <source>Your keychain is locked, so the saved key cannot be read: unlock it, then choose Unlock and retry, or paste the key again.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher kann der gespeicherte Schlüssel nicht gelesen werden: Entsperren Sie ihn und wählen Sie dann „Entsperren und wiederholen“, oder fügen Sie den Schlüssel erneut ein.</translation>
    </message>
    <message>
        <source>Cloudcraft no longer accepts the saved key for profile &quot;%1&quot;: paste a new one.</source>
        <translation>Cloudcraft akzeptiert den gespeicherten Schlüssel für das Profil „%1“ nicht mehr: Fügen Sie einen neuen ein.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>Einstellungsseite</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Zoom towards the cursor</source>
        <translation>Zum Mauszeiger hin zoomen</translation>
    </message>
    <message>
        <source>Ctrl+Wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Fit / 100 % in the preview</source>
        <translation>Einpassen / 100 % in der Vorschau</translation>
    </message>
    <message>
        <source>F / 1</source>
        <translation>F / 1</translation>
    </message>
    <message>
        <source>Pan the preview</source>
        <translation>Vorschau verschieben</translation>
    </message>
    <message>
        <source>Drag, or the arrow keys</source>
        <translation>Ziehen oder die Pfeiltasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SignInFlow</name>
    <message>
        <source>Paste your API key first.</source>
        <translation>Fügen Sie zuerst Ihren API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>This does not look like a Cloudcraft API key: copy it again from the web app.</source>
        <translation>Das sieht nicht wie ein Cloudcraft-API-Schlüssel aus: Kopieren Sie ihn erneut aus der Web-App.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a profile name: use letters, digits, dots, dashes or underscores.</source>
        <translation>„%1“ kann kein Profilname sein: Verwenden Sie Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche.</translation>
    </message>
    <message>
        <source>The API address is not usable: %1</source>
        <translation>Die API-Adresse ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: choose another one under Advanced.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: Wählen Sie unter „Erweitert“ eine andere.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SnapshotController</name>
    <message>
        <source>Take &amp;Snapshot</source>
        <translation>&amp;Snapshot erstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Select a blueprint or an account region to snapshot it</source>
        <translation>Wählen Sie einen Blueprint oder eine Kontoregion, um einen Snapshot davon zu erstellen</translation>
    </message>
    <message>
        <source>Keep this version of %1 in the local history (%2)</source>
        <translation>Diese Version von %1 im lokalen Verlauf aufbewahren (%2)</translation>
    </message>
    <message>
        <source>%1 changed: taking a snapshot…</source>
        <translation>%1 wurde geändert: Snapshot wird erstellt…</translation>
    </message>
    <message>
        <source>Taking a snapshot of %1…</source>
        <translation>Snapshot von %1 wird erstellt…</translation>
    </message>
    <message>
        <source>Snapshot cancelled; nothing was saved.</source>
        <translation>Snapshot abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The snapshot could not be taken: %1</source>
        <translation>Der Snapshot konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Saving the snapshot…</source>
        <translation>Der Snapshot wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 changed since its last snapshot: snapshot %2 saved.</source>
        <translation>%1 hat sich seit dem letzten Snapshot geändert: Snapshot %2 gespeichert.</translation>
    </message>
    <message>
        <source>Snapshot %1 saved.</source>
        <translation>Snapshot %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SnapshotProgressView</name>
    <message>
        <source>Snapshot progress</source>
        <translation>Snapshot-Fortschritt</translation>
    </message>
    <message>
        <source>Snapshot progress message</source>
        <translation>Snapshot-Fortschrittsmeldung</translation>
    </message>
    <message>
        <source>Cancel the snapshot</source>
        <translation>Den Snapshot abbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop taking this snapshot; nothing is saved</source>
        <translation>Das Erstellen dieses Snapshots abbrechen; es wird nichts gespeichert</translation>
    </message>
    <message>
        <source>Taking a snapshot…</source>
        <translation>Snapshot wird erstellt…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::StatusPanel</name>
    <message>
        <source>Signed-in user</source>
        <translation>Angemeldeter Benutzer</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Request queue</source>
        <translation>Anfragewarteschlange</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>%1 · profile %2</source>
        <translation>%1 · Profil %2</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in progress</source>
        <translation>
            <numerusform>%n Anfrage läuft</numerusform>
            <numerusform>%n Anfragen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>next export in %1 s</source>
        <translation>nächster Export in %1 s</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::StructuralDiffModel</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::StructuralPanel</name>
    <message>
        <source>Show only changes</source>
        <translation>Nur Änderungen anzeigen</translation>
    </message>
    <message>
        <source>Resource changes</source>
        <translation>Ressourcenänderungen</translation>
    </message>
    <message>
        <source>No resource list: these pictures came without their blueprint or inventory documents.</source>
        <translation>Keine Ressourcenliste: Diese Bilder kamen ohne ihre Blueprint- oder Bestandsdokumente.</translation>
    </message>
    <message>
        <source>No resource was added, removed or changed.</source>
        <translation>Keine Ressource wurde hinzugefügt, entfernt oder geändert.</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed, %4 moved.</source>
        <translation>%1 hinzugefügt, %2 entfernt, %3 geändert, %4 verschoben.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SwipeHandle</name>
    <message>
        <source>Swipe divider</source>
        <translation>Wisch-Trennlinie</translation>
    </message>
    <message>
        <source>Before is shown left of the divider, after right of it. Drag it, or press Left and Right.</source>
        <translation>Vorher wird links der Trennlinie angezeigt, nachher rechts davon. Ziehen Sie sie oder drücken Sie die Pfeiltasten nach links und rechts.</translation>
    </message>
    <message>
        <source>Drag to move the divider (Left and Right keys too)</source>
        <translation>Ziehen, um die Trennlinie zu verschieben (auch mit den Pfeiltasten nach links und rechts)</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::TimelineCardDelegate</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::TimelineChart</name>
    <message>
        <source>Changes over time</source>
        <translation>Änderungen im Zeitverlauf</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::TimelineModel</name>
    <message>
        <source>Not comparable</source>
        <translation>Nicht vergleichbar</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Keine Änderung</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Snapshot %1, taken %2</source>
        <translation>Snapshot %1, erstellt am %2</translation>
    </message>
    <message>
        <source>First snapshot</source>
        <translation>Erster Snapshot</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::TimelineStrip</name>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Compare with &amp;live</source>
        <translation>Mit &amp;Live-Version vergleichen</translation>
    </message>
    <message>
        <source>Snapshot timeline</source>
        <translation>Snapshot-Zeitleiste</translation>
    </message>
    <message>
        <source>Timeline title</source>
        <translation>Titel der Zeitleiste</translation>
    </message>
    <message>
        <source>Compare the two selected snapshots</source>
        <translation>Die beiden ausgewählten Snapshots vergleichen</translation>
    </message>
    <message>
        <source>Compare the two selected snapshots (Enter)</source>
        <translation>Die beiden ausgewählten Snapshots vergleichen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Compare the selected snapshot with the live version</source>
        <translation>Den ausgewählten Snapshot mit der Live-Version vergleichen</translation>
    </message>
    <message>
        <source>Take a snapshot</source>
        <translation>Einen Snapshot erstellen</translation>
    </message>
    <message>
        <source>Snapshots, oldest first</source>
        <translation>Snapshots, älteste zuerst</translation>
    </message>
    <message>
        <source>Timeline hint</source>
        <translation>Hinweis zur Zeitleiste</translation>
    </message>
    <message>
        <source>Export snapshot image</source>
        <translation>Snapshot-Bild exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message numerus="yes">
        <source>Timeline — %n snapshot(s)</source>
        <translation>
            <numerusform>Zeitleiste — %n Snapshot</numerusform>
            <numerusform>Zeitleiste — %n Snapshots</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a blueprint or an account region to see its snapshots.</source>
        <translation>Wählen Sie einen Blueprint oder eine Kontoregion, um die zugehörigen Snapshots zu sehen.</translation>
    </message>
    <message>
        <source>No snapshots yet — Take Snapshot keeps this version.</source>
        <translation>Noch keine Snapshots — „Snapshot erstellen“ bewahrt diese Version auf.</translation>
    </message>
    <message>
        <source>Snapshot %1 or %2 holds no PNG image.</source>
        <translation>Snapshot %1 oder %2 enthält kein PNG-Bild.</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>&amp;Notiz…</translation>
    </message>
    <message>
        <source>&amp;Export image…</source>
        <translation>Bild &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Rename snapshot</source>
        <translation>Snapshot umbenennen</translation>
    </message>
    <message>
        <source>Name of snapshot %1 (named snapshots are never pruned):</source>
        <translation>Name von Snapshot %1 (benannte Snapshots werden nie automatisch gelöscht):</translation>
    </message>
    <message>
        <source>Snapshot note</source>
        <translation>Snapshot-Notiz</translation>
    </message>
    <message>
        <source>Note for snapshot %1:</source>
        <translation>Notiz zu Snapshot %1:</translation>
    </message>
    <message>
        <source>Delete the snapshot taken %1? Its images and document are removed from this computer.</source>
        <translation>Den am %1 erstellten Snapshot löschen? Seine Bilder und sein Dokument werden von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>Snapshot &quot;%1&quot; is named, so pruning keeps it. Delete it anyway? Its images and document are removed from this computer.</source>
        <translation>Snapshot „%1“ ist benannt und wird daher beim automatischen Aufräumen behalten. Trotzdem löschen? Seine Bilder und sein Dokument werden von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>Snapshot löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Snapshot %1 deleted.</source>
        <translation>Snapshot %1 gelöscht.</translation>
    </message>
    <message>
        <source>Snapshot %1 holds no PNG image.</source>
        <translation>Snapshot %1 enthält kein PNG-Bild.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Saved snapshot %1 to %2.</source>
        <translation>Snapshot %1 unter %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::WelcomeDialog</name>
    <message>
        <source>Sign in to Cloudcraft</source>
        <translation>Bei Cloudcraft anmelden</translation>
    </message>
    <message>
        <source>Welcome to Cloudcraft Desktop</source>
        <translation>Willkommen bei Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>How to get an API key</source>
        <translation>So erhalten Sie einen API-Schlüssel</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cloudcraft Desktop works with a Cloudcraft &lt;b&gt;API key&lt;/b&gt;.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;An Owner or Admin of a Cloudcraft Pro account opens the Cloudcraft web app.&lt;/li&gt;&lt;li&gt;In the user menu, they choose &lt;b&gt;API keys&lt;/b&gt; and create a key.&lt;/li&gt;&lt;li&gt;They give it a name and pick &lt;b&gt;read&lt;/b&gt; or &lt;b&gt;read-write&lt;/b&gt; access.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;Cloudcraft Desktop arbeitet mit einem Cloudcraft-&lt;b&gt;API-Schlüssel&lt;/b&gt;.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Ein Owner oder Admin eines Cloudcraft-Pro-Kontos öffnet die Cloudcraft-Web-App.&lt;/li&gt;&lt;li&gt;Im Benutzermenü wählt er &lt;b&gt;API keys&lt;/b&gt; und erstellt einen Schlüssel.&lt;/li&gt;&lt;li&gt;Er gibt ihm einen Namen und wählt Zugriff &lt;b&gt;read&lt;/b&gt; (nur lesen) oder &lt;b&gt;read-write&lt;/b&gt; (lesen und schreiben).&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>The key is checked with Cloudcraft, then kept in your system keychain, never in a file.</source>
        <translation>Der Schlüssel wird bei Cloudcraft geprüft und dann im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Where the key is kept</source>
        <translation>Wo der Schlüssel aufbewahrt wird</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>Fügen Sie Ihren API-Schlüssel ein</translation>
    </message>
    <message>
        <source>Saved key</source>
        <translation>Gespeicherter Schlüssel</translation>
    </message>
    <message>
        <source>A key ending in %1 is saved for this profile. Paste a new key to replace it.</source>
        <translation>Für dieses Profil ist ein Schlüssel gespeichert, der auf %1 endet. Fügen Sie einen neuen Schlüssel ein, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>Saved key %1</source>
        <translation>Gespeicherter Schlüssel %1</translation>
    </message>
    <message>
        <source>&amp;API key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>Eine CA-Datei wählen</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation>API-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Checking the key</source>
        <translation>Schlüssel wird geprüft</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Unlock and retry</source>
        <translation>Entsperren und wiederholen</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Checking the key with Cloudcraft…</source>
        <translation>Der Schlüssel wird bei Cloudcraft geprüft…</translation>
    </message>
    <message>
        <source>Saving the key in your keychain…</source>
        <translation>Der Schlüssel wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Eine CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>DiagramMimeData</name>
    <message>
        <source>There is no diagram image to copy yet.</source>
        <translation>Es gibt noch kein Diagrammbild zum Kopieren.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>Cloudcraft rejected this API key (401): check that you copied all of it and that it has not been deleted in the web app.</source>
        <translation>Cloudcraft hat diesen API-Schlüssel abgelehnt (401): Prüfen Sie, ob Sie ihn vollständig kopiert haben und ob er in der Web-App nicht gelöscht wurde.</translation>
    </message>
    <message>
        <source>No API key is set: paste your key and sign in.</source>
        <translation>Kein API-Schlüssel festgelegt: Fügen Sie Ihren Schlüssel ein und melden Sie sich an.</translation>
    </message>
    <message>
        <source>Could not reach %1: check your network connection and the API address.</source>
        <translation>%1 ist nicht erreichbar: Prüfen Sie Ihre Netzwerkverbindung und die API-Adresse.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed because its certificate is not trusted: if this is a private server, choose its CA file under Advanced.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen, weil seinem Zertifikat nicht vertraut wird: Wenn es ein privater Server ist, wählen Sie unter „Erweitert“ seine CA-Datei.</translation>
    </message>
    <message>
        <source>%1 did not answer in time: check your connection and try again.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet: Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Only https:// addresses are allowed for the API: fix the API address under Advanced.</source>
        <translation>Für die API sind nur https://-Adressen erlaubt: Korrigieren Sie die API-Adresse unter „Erweitert“.</translation>
    </message>
    <message>
        <source>This key is not allowed to do that (403): ask an Owner or Admin of your Cloudcraft account.</source>
        <translation>Dieser Schlüssel darf das nicht (403): Fragen Sie einen Owner oder Admin Ihres Cloudcraft-Kontos.</translation>
    </message>
    <message>
        <source>Cloudcraft asked us to slow down (429): wait a minute and try again.</source>
        <translation>Cloudcraft bittet um weniger Anfragen (429): Warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Cloudcraft server had a problem (%1): try again in a few minutes.</source>
        <translation>Der Cloudcraft-Server hatte ein Problem (%1): Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>Your keychain is locked, so the key was not saved: unlock it, then choose Unlock and retry.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher wurde der Schlüssel nicht gespeichert: Entsperren Sie ihn und wählen Sie dann „Entsperren und wiederholen“.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied, so the key was not saved: allow Cloudcraft Desktop and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert, daher wurde der Schlüssel nicht gespeichert: Erlauben Sie Cloudcraft Desktop den Zugriff und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time, so the key was not saved: try again.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet, daher wurde der Schlüssel nicht gespeichert: Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The key could not be saved in the keychain.</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer: the key is kept for this session only, and you will be asked for it again next time.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar: Der Schlüssel wird nur für diese Sitzung aufbewahrt, und Sie werden beim nächsten Mal erneut danach gefragt.</translation>
    </message>
</context>
<context>
    <name>ResourceType</name>
    <message>
        <source>EC2 instance</source>
        <translation>EC2-Instanz</translation>
    </message>
    <message>
        <source>RDS database</source>
        <translation>RDS-Datenbank</translation>
    </message>
    <message>
        <source>S3 bucket</source>
        <translation>S3-Bucket</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <source>Lambda function</source>
        <translation>Lambda-Funktion</translation>
    </message>
    <message>
        <source>DynamoDB table</source>
        <translation>DynamoDB-Tabelle</translation>
    </message>
    <message>
        <source>ElastiCache</source>
        <translation>ElastiCache</translation>
    </message>
    <message>
        <source>CloudFront</source>
        <translation>CloudFront</translation>
    </message>
    <message>
        <source>Route 53</source>
        <translation>Route 53</translation>
    </message>
    <message>
        <source>SQS queue</source>
        <translation>SQS-Warteschlange</translation>
    </message>
    <message>
        <source>SNS topic</source>
        <translation>SNS-Thema</translation>
    </message>
    <message>
        <source>API Gateway</source>
        <translation>API Gateway</translation>
    </message>
    <message>
        <source>NAT gateway</source>
        <translation>NAT-Gateway</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>Sicherheitsgruppe</translation>
    </message>
    <message>
        <source>Auto Scaling group</source>
        <translation>Auto-Scaling-Gruppe</translation>
    </message>
    <message>
        <source>EKS cluster</source>
        <translation>EKS-Cluster</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Virtuelle Maschine</translation>
    </message>
    <message>
        <source>SQL database</source>
        <translation>SQL-Datenbank</translation>
    </message>
    <message>
        <source>Blob storage</source>
        <translation>Blob-Speicher</translation>
    </message>
    <message>
        <source>Cache for Redis</source>
        <translation>Cache for Redis</translation>
    </message>
    <message>
        <source>Function app</source>
        <translation>Funktions-App</translation>
    </message>
    <message>
        <source>Application gateway</source>
        <translation>Application Gateway</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>Virtuelles Netzwerk</translation>
    </message>
</context>
</TS>
