// The recording page: asciinema-player plays the relay's asciicast of a session.
import * as AsciinemaPlayer from "asciinema-player";

const box = document.getElementById("player");
const player = AsciinemaPlayer.create(box.dataset.src, box, {
  fit: false, terminalFontSize: "11px", idleTimeLimit: 2, preload: true, controls: true,
});
window.tetherPlayer = player;
